/// The numeric typesetting examples (filled in with the numbers API).
func numbersSection() -> String { "" }
