import Testing
@testable import MathML
