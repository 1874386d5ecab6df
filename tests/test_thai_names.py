from ethics_tui.thai.names import mentions_executive_title, name_key, names_in, same_person, split_full_name


def test_titles_are_dropped_before_comparing():
    assert name_key("นายปิยะ มูลสาร") == name_key("ปิยะ มูลสาร") == "ปิยะมูลสาร"
    assert name_key("ว่าที่ร้อยตรี ดร. สมชาย ใจดี") == "สมชายใจดี"
    assert name_key("นางสาวจันทร์เพ็ญ ศรีบุญ") == name_key("น.ส. จันทร์เพ็ญ ศรีบุญ") == "จันทร์เพ็ญศรีบุญ"
    assert name_key("นายกมล ใจดี") == "กมลใจดี"  # นาย + กมล, not นายก
    assert same_person("นางมาลี ดีงาม", "มาลี  ดีงาม") and not same_person("", "")
    assert names_in("ขอให้ตรวจสอบ ปิยะ มูลสาร", "นายปิยะ มูลสาร")


def test_the_executive_title_alone_but_not_a_first_name():
    for text in ("นายก", "นายก อบต.", "ท่านนายก", "รองนายกฯ", "นายกเทศมนตรีตำบล", "นายก(คนเดิม)"):
        assert mentions_executive_title(text), text
    for text in ("นายกมล ใจดี", "นายกิตติ ศรีสุข", "ปลัด อบต."):
        assert not mentions_executive_title(text), text


def test_a_full_name_in_one_cell_is_split_into_prefix_first_and_last():
    assert split_full_name("นายสมชาย ใจดี") == ("นาย", "สมชาย", "ใจดี")
    assert split_full_name(" นาย  สมชาย  ใจดี ") == ("นาย", "สมชาย", "ใจดี")
    assert split_full_name("น.ส.กาญจนา บุญมา") == ("น.ส.", "กาญจนา", "บุญมา")
    assert split_full_name("ว่าที่ร้อยตรี ดร.สมชาย ใจดี") == ("ว่าที่ร้อยตรี ดร.", "สมชาย", "ใจดี")
    assert split_full_name("นางคุณากร ศรีสุข") == ("นาง", "คุณากร", "ศรีสุข")  # not นาง + คุณ + ากร
    assert split_full_name("นายกมล ใจดี") == ("นาย", "กมล", "ใจดี")
    assert split_full_name("ม.ล.ปุ่ม มาลากุล ณ อยุธยา") == ("ม.ล.", "ปุ่ม", "มาลากุล ณ อยุธยา")
    assert split_full_name("สมชาย ใจดี") == ("", "สมชาย", "ใจดี")
