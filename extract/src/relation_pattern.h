// The pattern language of the rules file, compiled once and matched against
// the items of a sentence. Syntax (see docs/rules.md):
//
//   word            a literal word, case-folded ("invested", ",", "(")
//   @name           any entry of lexicon `name`; entries may be phrases
//   {role:TYPE}     an entity slot (ORG, PER, ANY) or a quantity slot (MONEY,
//                   PERCENT, DATE); "ORG+" takes a coordination ("A, B and
//                   C"), "ORG'" only a possessive ("Meta's", "its")
//   NUM             any number word
//   _N              skip 0..N items that are not entity mentions
//   ~N              skip 0..N items of any kind
//   [a b | c]       alternatives; X? makes any element optional
//
// Gaps never cross a clause break (";", "but", ...: lexicon clause_break) and
// are lazy; alternatives and optional elements are tried in order, so the
// first match found is leftmost, then earliest alternative. Matching is a
// backtracking walk over a flat program with a step budget, so a pathological
// pattern or a 1 MB line costs a bounded amount per start position.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/status.h"
#include "lexicon.h"
#include "sentence_items.h"

namespace kgraph::extract {

// Role names ("subj", "obj", "amount", ...) interned to small integers.
class RoleTable {
public:
    int Intern(std::string_view name);
    int Find(std::string_view name) const;  // -1 when unknown
    const std::string& Name(int id) const { return names_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return names_.size(); }

private:
    std::vector<std::string> names_;
};

// Items [first, end) bound to a role; first == -1 when the role is unbound.
struct RoleSpan {
    int first = -1, end = -1;
    // Unbound, though the sentence states the argument ("chief executive of
    // an unnamed unit"): no implicit filler may guess it.
    bool stated = false;
    bool bound() const { return first >= 0; }
};

struct PatternMatch {
    std::size_t begin = 0, end = 0;  // item range of the whole match
    std::vector<RoleSpan> roles;     // indexed by role id
    bool negated = false;            // a match over the parse whose trigger a denial governs
    bool former = false;             // a match over the parse whose trigger is "former" ("a former client")
};

class RelationPattern {
public:
    // `lexicons` must outlive the pattern; its literal words are numbered in
    // `vocabulary`. Errors are InvalidArgument with a message saying what is
    // wrong in the pattern text.
    static Result<RelationPattern> Compile(std::string_view text, const std::map<std::string, Lexicon>& lexicons,
                                           const Lexicon& clause_breaks, RoleTable& roles, Vocabulary& vocabulary);

    // What every match contains, so that sentences lacking it are skipped
    // without matching (RuleSet indexes these): each of the literal words,
    // an entry of each of the lexicons, and that many entity mentions.
    const std::vector<int>& anchor_words() const { return anchor_words_; }  // vocabulary numbers
    const std::vector<const Lexicon*>& anchor_lexicons() const { return anchor_lexicons_; }
    std::size_t required_mentions() const { return required_mentions_; }

    // Non-overlapping matches, left to right.
    std::vector<PatternMatch> FindAll(const SentenceItems& items, std::size_t role_count) const;

    enum class Op { kWord, kLexicon, kSlot, kNumber, kGap, kSplit, kJump, kMatch };
    struct Instruction {
        Op op = Op::kMatch;
        int word_id = -1;                  // kWord: the word's vocabulary number
        const Lexicon* lexicon = nullptr;  // kLexicon
        int role = -1;                     // kSlot
        bool quantity_slot = false;
        QuantityKind quantity_kind = QuantityKind::kMoney;
        bool accepts_org = true, accepts_person = true;
        bool list = false, possessive = false;
        int max_gap = 0;                   // kGap
        bool gap_crosses_mentions = false;
        int x = 0, y = 0;                  // kSplit / kJump targets
    };

private:
    struct MatchState;
    bool CouldStartAt(const SentenceItems& items, std::size_t pos) const;
    bool Run(int pc, std::size_t pos, MatchState& state) const;
    bool SlotAccepts(const Instruction& in, const SentenceItem& item) const;
    std::vector<std::size_t> ListEnds(const Instruction& in, const SentenceItems& items, std::size_t pos) const;

    std::vector<Instruction> program_;
    const Lexicon* clause_breaks_ = nullptr;
    std::vector<int> anchor_words_;
    std::vector<const Lexicon*> anchor_lexicons_;
    std::size_t required_mentions_ = 0;
};

}  // namespace kgraph::extract
