"""Record dataclasses with their validation. No I/O, no Textual."""
