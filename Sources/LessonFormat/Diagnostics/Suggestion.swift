import Suggestions

/// The one candidate to suggest for a mistyped `word`, if any is close enough.
package func suggestion(for word: String, among candidates: [String]) -> String? {
    suggestions(for: word, among: candidates).first
}
