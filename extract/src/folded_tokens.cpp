#include "folded_tokens.h"


namespace kgraph::extract {

FoldedTokens::FoldedTokens(const std::vector<Token>& tokens, const Vocabulary& vocabulary) {
    words_.reserve(tokens.size());
    stems_.reserve(tokens.size());
    std::size_t bytes = 0;
    for (const Token& token : tokens) bytes += token.text.size();
    chars_.reserve(bytes + bytes / 8);  // stems are copies of the few possessives
    for (const Token& token : tokens) {
        words_.push_back(Append(token.text, vocabulary));
        const std::string_view stem = StripApostropheS(token.text, nullptr);
        // Folded apart rather than cut from the word: FoldCase of a prefix is
        // a prefix of FoldCase only for valid UTF-8, which Extract() does not require.
        stems_.push_back(stem.size() == token.text.size() ? words_.back() : Append(stem, vocabulary));
    }
}

FoldedTokens::Span FoldedTokens::Append(std::string_view text, const Vocabulary& vocabulary) {
    const std::size_t begin = chars_.size();
    AppendFolded(text, chars_);
    const std::size_t size = chars_.size() - begin;
    return {begin, size, vocabulary.Find(std::string_view(chars_).substr(begin, size))};
}

}  // namespace kgraph::extract
