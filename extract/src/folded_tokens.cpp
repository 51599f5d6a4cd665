#include "folded_tokens.h"

#include <cctype>


namespace kgraph::extract {

// Three or more single letters, each but perhaps the last followed by a
// full stop ("C.E.O", "C.F.O."). Two letters ("U.S.") are left alone: "us"
// is a word of its own.
std::string DottedAcronymForm(std::string_view text) {
    std::string letters;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!std::isalpha(c) || (i + 1 < text.size() && text[i + 1] != '.')) return {};
        letters += static_cast<char>(c);
    }
    return letters.size() >= 3 ? letters : std::string();
}

FoldedTokens::FoldedTokens(const std::vector<Token>& tokens, const Vocabulary& vocabulary) {
    words_.reserve(tokens.size());
    stems_.reserve(tokens.size());
    std::size_t bytes = 0;
    for (const Token& token : tokens) bytes += token.text.size();
    chars_.reserve(bytes + bytes / 8);  // stems are copies of the few possessives
    for (const Token& token : tokens) {
        if (const std::string letters = DottedAcronymForm(token.text); !letters.empty()) {
            words_.push_back(Append(letters, vocabulary));
            stems_.push_back(words_.back());
            continue;
        }
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
