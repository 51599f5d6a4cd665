#include "relation_pattern.h"

#include <algorithm>
#include <cctype>

namespace kgraph::extract {

int RoleTable::Intern(std::string_view name) {
    if (const int id = Find(name); id >= 0) return id;
    names_.emplace_back(name);
    return static_cast<int>(names_.size()) - 1;
}

int RoleTable::Find(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
        if (names_[i] == name) return static_cast<int>(i);
    }
    return -1;
}

namespace {

using Instruction = RelationPattern::Instruction;
using Op = RelationPattern::Op;

// A pattern is parsed into this small tree, then flattened into a program.
struct Node {
    enum class Kind { kLeaf, kSeq, kAlt, kOpt } kind = Kind::kLeaf;
    Instruction leaf;
    std::vector<Node> children;
};

std::vector<std::string> LexPattern(std::string_view text) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '[' || c == ']' || c == '|' || c == '?') {
            tokens.emplace_back(1, c);
            ++i;
        } else if (c == '{') {
            const std::size_t close = text.find('}', i);
            const std::size_t end = close == std::string_view::npos ? text.size() : close + 1;
            tokens.emplace_back(text.substr(i, end - i));
            i = end;
        } else {
            std::size_t j = i + 1;
            if (c == '\\') {  // an escaped literal: "\[" or "\?"
                j = i + 2;
            }
            while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])) &&
                   std::string_view("[]|?{").find(text[j]) == std::string_view::npos) {
                ++j;
            }
            j = std::min(j, text.size());
            tokens.emplace_back(text.substr(i, j - i));
            i = j;
        }
    }
    return tokens;
}

class PatternParser {
public:
    PatternParser(std::vector<std::string> tokens, const std::map<std::string, Lexicon>& lexicons, RoleTable& roles,
                  Vocabulary& vocabulary)
        : tokens_(std::move(tokens)), lexicons_(lexicons), roles_(roles), vocabulary_(vocabulary) {}

    Result<Node> Parse() {
        Node root = ParseAlt();
        if (!error_.empty()) return Status::InvalidArgument(error_);
        if (pos_ < tokens_.size()) return Status::InvalidArgument("unexpected '" + tokens_[pos_] + "'");
        return root;
    }

private:
    Node ParseAlt() {
        Node alt{Node::Kind::kAlt, {}, {}};
        alt.children.push_back(ParseSeq());
        while (pos_ < tokens_.size() && tokens_[pos_] == "|") {
            ++pos_;
            alt.children.push_back(ParseSeq());
        }
        return alt.children.size() == 1 ? std::move(alt.children[0]) : alt;
    }

    Node ParseSeq() {
        Node seq{Node::Kind::kSeq, {}, {}};
        while (pos_ < tokens_.size() && tokens_[pos_] != "|" && tokens_[pos_] != "]" && error_.empty()) {
            Node element = ParseAtom();
            if (pos_ < tokens_.size() && tokens_[pos_] == "?") {
                ++pos_;
                element = Node{Node::Kind::kOpt, {}, {std::move(element)}};
            }
            seq.children.push_back(std::move(element));
        }
        if (seq.children.empty() && error_.empty()) error_ = "empty sequence";
        return seq;
    }

    Node ParseAtom() {
        const std::string token = tokens_[pos_++];
        if (token == "[") {
            Node inner = ParseAlt();
            if (pos_ >= tokens_.size() || tokens_[pos_] != "]") {
                error_ = "missing ']'";
            } else {
                ++pos_;
            }
            return inner;
        }
        if (token == "?") {
            error_ = "'?' must follow an element";
            return {};
        }
        Node leaf;
        Instruction& in = leaf.leaf;
        if (token.front() == '{') {
            ParseSlot(token, in);
        } else if (token.front() == '@') {
            const auto it = lexicons_.find(token.substr(1));
            if (it == lexicons_.end()) error_ = "unknown lexicon '" + token.substr(1) + "'";
            in.op = Op::kLexicon;
            in.lexicon = it == lexicons_.end() ? nullptr : &it->second;
        } else if ((token[0] == '_' || token[0] == '~') && token.size() > 1 &&
                   std::all_of(token.begin() + 1, token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            in.op = Op::kGap;
            in.max_gap = std::stoi(token.substr(1));
            in.gap_crosses_mentions = token[0] == '~';
        } else if (token == "NUM") {
            in.op = Op::kNumber;
        } else {
            in.op = Op::kWord;
            in.word_id = vocabulary_.Intern(FoldCase(token[0] == '\\' ? token.substr(1) : token));
        }
        return leaf;
    }

    void ParseSlot(const std::string& token, Instruction& in) {
        in.op = Op::kSlot;
        const std::size_t colon = token.find(':');
        if (token.back() != '}' || colon == std::string::npos) {
            error_ = "slot '" + token + "' is not {role:TYPE}";
            return;
        }
        in.role = roles_.Intern(token.substr(1, colon - 1));
        std::string type = token.substr(colon + 1, token.size() - colon - 2);
        while (!type.empty() && (type.back() == '+' || type.back() == '\'')) {
            (type.back() == '+' ? in.list : in.possessive) = true;
            type.pop_back();
        }
        if (type == "ORG") {
            in.accepts_person = false;
        } else if (type == "PER") {
            in.accepts_org = false;
        } else if (type == "MONEY" || type == "PERCENT" || type == "DATE") {
            in.quantity_slot = true;
            in.quantity_kind = type == "MONEY" ? QuantityKind::kMoney
                             : type == "PERCENT" ? QuantityKind::kPercent : QuantityKind::kDate;
        } else if (type != "ANY") {
            error_ = "slot '" + token + "': type must be ORG, PER, ANY, MONEY, PERCENT or DATE";
        }
    }

    std::vector<std::string> tokens_;
    std::size_t pos_ = 0;
    const std::map<std::string, Lexicon>& lexicons_;
    RoleTable& roles_;
    Vocabulary& vocabulary_;
    std::string error_;
};

Instruction MakeInstruction(Op op) {
    Instruction in;
    in.op = op;
    return in;
}

void Emit(const Node& node, std::vector<Instruction>& program) {
    switch (node.kind) {
        case Node::Kind::kLeaf:
            program.push_back(node.leaf);
            return;
        case Node::Kind::kSeq:
            for (const Node& child : node.children) Emit(child, program);
            return;
        case Node::Kind::kOpt: {
            const std::size_t split = program.size();
            program.push_back(MakeInstruction(Op::kSplit));
            program[split].x = static_cast<int>(program.size());
            Emit(node.children[0], program);
            program[split].y = static_cast<int>(program.size());
            return;
        }
        case Node::Kind::kAlt: {
            std::vector<std::size_t> jumps;
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                const bool last = i + 1 == node.children.size();
                std::size_t split = 0;
                if (!last) {
                    split = program.size();
                    program.push_back(MakeInstruction(Op::kSplit));
                    program[split].x = static_cast<int>(program.size());
                }
                Emit(node.children[i], program);
                if (!last) {
                    jumps.push_back(program.size());
                    program.push_back(MakeInstruction(Op::kJump));
                    program[split].y = static_cast<int>(program.size());
                }
            }
            for (const std::size_t jump : jumps) program[jump].x = static_cast<int>(program.size());
            return;
        }
    }
}

// Words, lexicons and slots every match must contain: the leaves of the
// top-level sequence (anything inside an alternative or an option may be absent).
void CollectRequirements(const Node& root, std::vector<int>& words, std::vector<const Lexicon*>& lexicons,
                         std::size_t& mentions) {
    const std::vector<Node> single{root};
    const std::vector<Node>& elements = root.kind == Node::Kind::kSeq ? root.children : single;
    for (const Node& element : elements) {
        if (element.kind != Node::Kind::kLeaf) continue;
        const Instruction& in = element.leaf;
        if (in.op == Op::kWord) words.push_back(in.word_id);
        if (in.op == Op::kLexicon) lexicons.push_back(in.lexicon);
        if (in.op == Op::kSlot && !in.quantity_slot) ++mentions;
    }
}

constexpr int kStepBudget = 20000;

}  // namespace

Result<RelationPattern> RelationPattern::Compile(std::string_view text, const std::map<std::string, Lexicon>& lexicons,
                                                 const Lexicon& clause_breaks, RoleTable& roles,
                                                 Vocabulary& vocabulary) {
    PatternParser parser(LexPattern(text), lexicons, roles, vocabulary);
    Result<Node> root = parser.Parse();
    if (!root.ok()) return root.status();
    RelationPattern pattern;
    Emit(*root, pattern.program_);
    pattern.program_.push_back(MakeInstruction(Op::kMatch));
    pattern.clause_breaks_ = &clause_breaks;
    CollectRequirements(*root, pattern.anchor_words_, pattern.anchor_lexicons_, pattern.required_mentions_);
    return pattern;
}

struct RelationPattern::MatchState {
    const SentenceItems& items;
    std::vector<RoleSpan> roles;
    std::size_t end = 0;
    int steps = 0;
};

bool RelationPattern::SlotAccepts(const Instruction& in, const SentenceItem& item) const {
    if (in.quantity_slot) return item.kind == SentenceItem::Kind::kQuantity && item.quantity_kind == in.quantity_kind;
    if (!item.IsMention()) return false;
    // "Meta's rivals": a possessive names the owner of what follows, so it
    // fills only a possessive slot, and a possessive slot only takes one.
    if (in.possessive != item.possessive) return false;
    if (item.type == MentionType::kOrganization) return in.accepts_org;
    if (item.type == MentionType::kPerson) return in.accepts_person;
    return true;
}

// A list slot takes "A", "A and B", "A, B, and C", "A, B or C", "A as well as B".
std::vector<std::size_t> RelationPattern::ListEnds(const Instruction& in, const SentenceItems& items,
                                                   std::size_t pos) const {
    std::vector<std::size_t> ends;
    if (pos >= items.size() || !SlotAccepts(in, items[pos])) return ends;
    ends.push_back(pos + 1);
    std::size_t cur = pos + 1;
    while (cur < items.size()) {
        std::size_t next = cur;
        if (items[next].HasWord(",")) ++next;
        if (next < items.size() && (items[next].HasWord("and") || items[next].HasWord("or") || items[next].HasWord("&"))) {
            ++next;
        } else if (next + 2 < items.size() && items[next].HasWord("as") && items[next + 1].HasWord("well") &&
                   items[next + 2].HasWord("as")) {
            next += 3;
        }
        if (next == cur || next >= items.size() || !SlotAccepts(in, items[next]) || items[next].reference) break;
        cur = next + 1;
        ends.push_back(cur);
    }
    std::reverse(ends.begin(), ends.end());
    return ends;
}

bool RelationPattern::Run(int pc, std::size_t pos, MatchState& state) const {
    if (++state.steps > kStepBudget) return false;
    const Instruction& in = program_[static_cast<std::size_t>(pc)];
    const SentenceItems& items = state.items;
    switch (in.op) {
        case Op::kMatch:
            state.end = pos;
            return true;
        case Op::kJump:
            return Run(in.x, pos, state);
        case Op::kSplit:
            return Run(in.x, pos, state) || Run(in.y, pos, state);
        case Op::kWord:
            return pos < items.size() && items[pos].HasWord(in.word_id) && Run(pc + 1, pos + 1, state);
        case Op::kNumber:
            return pos < items.size() && items[pos].number && Run(pc + 1, pos + 1, state);
        case Op::kLexicon:
            return in.lexicon->AnyEnd(items, pos, [&](std::size_t end) { return Run(pc + 1, end, state); });
        case Op::kGap:
            for (int skipped = 0;; ++skipped) {
                const std::size_t at = pos + static_cast<std::size_t>(skipped);
                if (Run(pc + 1, at, state)) return true;
                if (skipped == in.max_gap || at >= items.size()) return false;
                const SentenceItem& item = items[at];
                if ((item.IsMention() && !in.gap_crosses_mentions) ||
                    (item.kind == SentenceItem::Kind::kWord && clause_breaks_->Contains(item.word_id))) {
                    return false;
                }
            }
        case Op::kSlot: {
            RoleSpan& span = state.roles[static_cast<std::size_t>(in.role)];
            const RoleSpan saved = span;
            auto bind_until = [&](std::size_t end) {
                span = {static_cast<int>(pos), static_cast<int>(end)};
                return Run(pc + 1, end, state);
            };
            if (in.list) {
                for (const std::size_t end : ListEnds(in, items, pos)) {
                    if (bind_until(end)) return true;
                }
            } else if (pos < items.size() && SlotAccepts(in, items[pos]) && bind_until(pos + 1)) {
                return true;
            }
            span = saved;
            return false;
        }
    }
    return false;
}

// The first element's test alone, without entering the interpreter: at most
// start positions a pattern fails right there.
bool RelationPattern::CouldStartAt(const SentenceItems& items, std::size_t pos) const {
    const Instruction& first = program_.front();
    switch (first.op) {
        case Op::kWord: return items[pos].HasWord(first.word_id);
        case Op::kNumber: return items[pos].number;
        case Op::kLexicon: return first.lexicon->StartsAt(items, pos);
        case Op::kSlot: return SlotAccepts(first, items[pos]);
        default: return true;  // gaps, alternatives, options: Run() decides
    }
}

std::vector<PatternMatch> RelationPattern::FindAll(const SentenceItems& items, std::size_t role_count) const {
    std::vector<PatternMatch> matches;
    // A failed Run() leaves every role unbound again, so one state serves
    // all start positions until a match takes its roles.
    MatchState state{items, std::vector<RoleSpan>(role_count), 0, 0};
    // A match holds its mandatory slots' mentions at or after its start:
    // once fewer are left, no later start can match.
    std::size_t mentions_left = static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const SentenceItem& item) { return item.IsMention(); }));
    std::size_t counted = 0;  // items whose mentions left mentions_left
    std::size_t pos = 0;
    while (pos < items.size()) {
        for (; counted < pos; ++counted) mentions_left -= items[counted].IsMention();
        if (mentions_left < required_mentions_) break;
        state.steps = 0;  // the budget is per start position
        if (!CouldStartAt(items, pos) || !Run(0, pos, state)) {
            ++pos;
            continue;
        }
        const std::size_t end = state.end;
        if (end > pos) matches.push_back({pos, end, std::move(state.roles)});
        state.roles.assign(role_count, RoleSpan{});
        pos = end > pos ? end : pos + 1;
    }
    return matches;
}

}  // namespace kgraph::extract
