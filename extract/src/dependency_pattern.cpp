#include "dependency_pattern.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace kgraph::extract {
namespace {

using Step = DependencyPattern::Step;
using Path = DependencyPattern::Path;

// Paths are short; a bound on the logical-subject climb keeps a malformed
// parse from costing more than a few steps.
constexpr int kMaxClimb = 6;

std::vector<std::string> SplitOn(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            if (i > start) parts.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

Result<Step> ParseStep(std::string_view text, const std::map<std::string, Lexicon>& lexicons) {
    Step step;
    if (const std::size_t open = text.find('{'); open != std::string_view::npos) {
        if (text.back() != '}') return Status::InvalidArgument("step '" + std::string(text) + "': missing '}'");
        for (std::string& lemma : SplitOn(text.substr(open + 1, text.size() - open - 2), '|')) {
            if (lemma == "NAME") {
                step.names_only = true;
                continue;
            }
            if (lemma[0] != '@') {
                step.lemmas.push_back(std::move(lemma));
                continue;
            }
            const auto lexicon = lexicons.find(lemma.substr(1));
            if (lexicon == lexicons.end()) return Status::InvalidArgument("no lexicon '" + lemma.substr(1) + "'");
            step.lemma_lexicons.push_back(&lexicon->second);
        }
        text = text.substr(0, open);
    }
    if (text == "SUBJ") {
        step.kind = Step::Kind::kSubject;
        return step;
    }
    if (!text.empty() && text.front() == '<') {
        step.kind = Step::Kind::kUp;
        text.remove_prefix(1);
    }
    if (const std::size_t open = text.find('['); open != std::string_view::npos) {
        if (text.back() != ']') return Status::InvalidArgument("step '" + std::string(text) + "': missing ']'");
        step.case_words = SplitOn(text.substr(open + 1, text.size() - open - 2), '|');
        text = text.substr(0, open);
    }
    step.relations = SplitOn(text, '|');
    if (step.relations.empty()) return Status::InvalidArgument("a step names no relation");
    for (const std::string& relation : step.relations) {
        const bool ok = std::all_of(relation.begin(), relation.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ':'; });
        if (!ok) return Status::InvalidArgument("'" + relation + "' is not a dependency relation");
    }
    return step;
}

Result<Path> ParsePath(std::string_view text, const std::map<std::string, Lexicon>& lexicons) {
    Path path;
    for (const std::string& part : SplitOn(text, ' ')) {
        Result<Step> step = ParseStep(part, lexicons);
        if (!step.ok()) return Status::InvalidArgument("path '" + std::string(text) + "': " + step.status().message());
        path.push_back(std::move(*step));
    }
    if (path.empty()) return Status::InvalidArgument("an empty path");
    return path;
}

Result<std::vector<nlp::Upos>> ParseUposList(std::string_view text) {
    std::vector<nlp::Upos> out;
    for (const std::string& name : SplitOn(text, ' ')) {
        const std::optional<nlp::Upos> upos = nlp::UposFromName(name);
        if (!upos) return Status::InvalidArgument("'" + name + "' is not a UD part of speech");
        out.push_back(*upos);
    }
    return out;
}

bool Contains(const std::vector<std::string>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// "invest" -> invests, invested, investing ...: enough forms for a sentence
// filter, which may let through a sentence that then matches nothing. Nouns
// derived from a verb ("investment") are lexicon entries of their own.
void AddInflections(const std::string& word, std::vector<std::string>& out) {
    out.push_back(word);
    if (word.size() < 3) return;
    const char last = word.back();
    const std::string stem = last == 'e' || last == 'y' ? word.substr(0, word.size() - 1) : word;
    for (const char* ending : {"s", "es", "ed", "d", "ing", "ies", "ied"}) {
        out.push_back(word + ending);
        out.push_back(stem + ending);
    }
    out.push_back(word + word.back() + "ed");
    out.push_back(word + word.back() + "ing");
}

// Whether a step's words are verbs: the head of an object, an oblique or a
// clausal complement ("<obj{@deal_verb}"), or an adverbial or adnominal
// clause ("advcl{@succeed_lemma}").
bool ReachesVerb(const DependencyPattern::Step& step) {
    static constexpr std::string_view kUpToVerb[] = {"obj", "obl", "obl:agent", "xcomp", "ccomp", "advcl"};
    static constexpr std::string_view kDownToVerb[] = {"advcl", "acl", "acl:relcl", "xcomp", "ccomp"};
    using Kind = DependencyPattern::Step::Kind;
    if (step.kind == Kind::kSubject || step.relations.empty()) return false;
    const auto in = [](const auto& list) {
        return [&list](const std::string& relation) {
            return std::find(std::begin(list), std::end(list), relation) != std::end(list);
        };
    };
    return step.kind == Kind::kUp ? std::all_of(step.relations.begin(), step.relations.end(), in(kUpToVerb))
                                  : std::all_of(step.relations.begin(), step.relations.end(), in(kDownToVerb));
}

// "appoint" -> appoints, "buy" -> buys, "reach" -> reaches, "rely" -> relies.
std::string ThirdPersonSingular(const std::string& verb) {
    static constexpr std::string_view kSibilantEnds[] = {"s", "sh", "ch", "x", "z", "o"};
    const auto ends_with = [&](std::string_view end) {
        return verb.size() >= end.size() && verb.compare(verb.size() - end.size(), end.size(), end) == 0;
    };
    if (std::any_of(std::begin(kSibilantEnds), std::end(kSibilantEnds), ends_with)) return verb + "es";
    if (verb.size() >= 2 && verb.back() == 'y' && std::string_view("aeiou").find(verb[verb.size() - 2]) == std::string_view::npos) {
        return verb.substr(0, verb.size() - 1) + "ies";
    }
    return verb + "s";
}

}  // namespace

ParseView::ParseView(const SentenceParse& parse, const SentenceItems& items, std::vector<int> item_of_word)
    : parse(parse), items(items), item_of_word(std::move(item_of_word)) {
    folded.reserve(parse.words.size());
    forms.reserve(parse.words.size());
    lemmas.reserve(parse.words.size());
    for (const ParsedWord& word : parse.words) folded.push_back(FoldCase(word.form));
    for (const std::string& form : folded) forms.push_back(form);
    for (const ParsedWord& word : parse.words) lemmas.push_back(word.lemma);
}

Result<DependencyPattern> DependencyPattern::Compile(
    const Lexicon& trigger, std::string_view upos,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& spec_roles, const std::vector<std::string>& unless,
    const std::map<std::string, Lexicon>& lexicons, RoleTable& roles) {
    DependencyPattern pattern;
    for (const std::string& text : unless) {
        Result<Path> path = ParsePath(text, lexicons);
        if (!path.ok()) return Status::InvalidArgument("'unless': " + path.status().message());
        pattern.unless_.push_back(std::move(*path));
    }
    pattern.trigger_ = &trigger;
    if (const auto denials = lexicons.find("denial_lemma"); denials != lexicons.end()) pattern.denials_ = &denials->second;
    if (const auto formers = lexicons.find("former_word"); formers != lexicons.end()) pattern.formers_ = &formers->second;
    Result<std::vector<nlp::Upos>> parts_of_speech = ParseUposList(upos);
    if (!parts_of_speech.ok()) return parts_of_speech.status();
    pattern.upos_ = std::move(*parts_of_speech);
    for (const auto& [role, paths] : spec_roles) {
        RolePaths compiled{roles.Intern(role), role == "amount" || role == "percent" || role == "date", {}};
        for (const std::string& text : paths) {
            Result<Path> path = ParsePath(text, lexicons);
            if (!path.ok()) return Status::InvalidArgument("role '" + role + "': " + path.status().message());
            compiled.paths.push_back(std::move(*path));
        }
        pattern.roles_.push_back(std::move(compiled));
    }
    return pattern;
}

std::vector<std::string> DependencyPattern::TriggerForms() const {
    std::vector<std::string> forms;
    for (const std::string& word : trigger_->FirstWords()) AddInflections(word, forms);
    return forms;
}

std::vector<std::string> DependencyPattern::PresentVerbForms() const {
    std::vector<std::string> forms;
    auto add_lexicon = [&](const Lexicon& lexicon) {
        for (const std::string& word : lexicon.FirstWords()) forms.push_back(ThirdPersonSingular(word));
    };
    if (upos_ == std::vector<nlp::Upos>{nlp::Upos::kVerb}) add_lexicon(*trigger_);
    for (const RolePaths& role : roles_) {
        for (const Path& path : role.paths) {
            for (const Step& step : path) {
                if (!ReachesVerb(step)) continue;
                for (const Lexicon* lexicon : step.lemma_lexicons) add_lexicon(*lexicon);
                for (const std::string& lemma : step.lemmas) forms.push_back(ThirdPersonSingular(lemma));
            }
        }
    }
    return forms;
}

namespace {

int HeadOf(const ParseView& view, int word) { return view.parse.words[static_cast<std::size_t>(word)].head; }
const std::string& RelationOf(const ParseView& view, int word) { return view.parse.words[static_cast<std::size_t>(word)].deprel; }
std::span<const int> ChildrenOf(const ParseView& view, int word) { return view.parse.Children(static_cast<std::size_t>(word)); }

// The word's case or mark dependents ("in" of "in Scale AI", "to" of "to buy").
bool HasCaseWord(const ParseView& view, int word, const std::vector<std::string>& words) {
    if (words.empty()) return true;
    for (const int child : ChildrenOf(view, word)) {
        const std::string& relation = RelationOf(view, child);
        if ((relation == "case" || relation == "mark") && Contains(words, view.forms[static_cast<std::size_t>(child)])) return true;
    }
    return false;
}

std::vector<int> ChildrenBy(const ParseView& view, int word, std::initializer_list<std::string_view> relations) {
    std::vector<int> out;
    for (const int child : ChildrenOf(view, word)) {
        if (std::find(relations.begin(), relations.end(), RelationOf(view, child)) != relations.end()) out.push_back(child);
    }
    return out;
}

// Who does what the word says: its subject, or for a clause without one the
// subject it shares with the clause it depends on ("Kroger agreed to buy",
// "joined Microsoft and quit OpenAI", "Chevron's deal to buy Hess").
std::vector<int> LogicalSubjects(const ParseView& view, int word, bool passive_ok, int depth) {
    // nsubj:outer: "A is to become CEO", where "is" is a copula of "become".
    std::vector<int> subjects = passive_ok ? ChildrenBy(view, word, {"nsubj", "nsubj:outer", "nsubj:pass"})
                                           : ChildrenBy(view, word, {"nsubj", "nsubj:outer"});
    const int head = HeadOf(view, word);
    if (!subjects.empty() || head < 0 || depth >= kMaxClimb) return subjects;
    const std::string& relation = RelationOf(view, word);
    if (relation == "xcomp") {
        // Object control: in "asked me to stay on as CEO", "me" stays.
        std::vector<int> controllers = ChildrenBy(view, head, {"obj", "iobj"});
        if (!controllers.empty()) return controllers;
        return LogicalSubjects(view, head, true, depth + 1);
    }
    if (relation == "conj" || relation == "advcl") {
        // "X is located in Y and is the parent company of Z": a predicate
        // noun shares the subject of the clause before, passive or not.
        const bool predicate_noun = relation == "conj" && !ChildrenBy(view, word, {"cop"}).empty();
        return LogicalSubjects(view, head, predicate_noun, depth + 1);
    }
    if (relation == "acl" && HasCaseWord(view, word, {"to"})) {
        // A noun's infinitive: its owner, else the subject of the verb the
        // noun is an object or oblique of ("agreed to buy Albertsons in an
        // attempt to tackle Walmart", the attempt at times hung on the
        // object before it).
        std::vector<int> owners = ChildrenBy(view, head, {"nmod:poss"});
        if (!owners.empty()) return owners;
        int noun = head;
        if (RelationOf(view, noun) == "nmod" && HeadOf(view, noun) >= 0) noun = HeadOf(view, noun);
        const int verb = HeadOf(view, noun);
        const std::string& role = RelationOf(view, noun);
        if (verb >= 0 && (role == "obj" || role == "obl")) return LogicalSubjects(view, verb, false, depth + 1);
    }
    return {};
}

bool IsRelativePronoun(const ParseView& view, int word) {
    const ParsedWord& w = view.parse.words[static_cast<std::size_t>(word)];
    return w.upos == nlp::Upos::kPron &&
           (w.lemma == "who" || w.lemma == "which" || w.lemma == "that" || w.lemma == "whom" || w.lemma == "whose");
}

bool IsModifier(const ParseView& view, int word) {
    const std::string& relation = RelationOf(view, word);
    return HeadOf(view, word) >= 0 && (relation == "amod" || relation == "compound");
}

bool IsInMention(const ParseView& view, int word) {
    const int item = view.item_of_word[static_cast<std::size_t>(word)];
    return item >= 0 && view.items[static_cast<std::size_t>(item)].IsMention();
}

// In a name, not in a reference such as "it" or "the company".
bool IsInName(const ParseView& view, int word) {
    if (!IsInMention(view, word)) return false;
    return !view.items[static_cast<std::size_t>(view.item_of_word[static_cast<std::size_t>(word)])].reference;
}

// "chief financial officer", "Chief Strategy Officer", "investment bank":
// a word that modifies something other than a name names a kind of that
// thing, not a relation of its own. A title before a name ("Twitter CEO
// Parag Agrawal") still counts, and so does a word before the common noun
// that describes a name ("rival company Direct Line").
bool ModifiesNonName(const ParseView& view, int word) {
    if (!IsModifier(view, word)) return false;
    const int head = HeadOf(view, word);
    if (IsInMention(view, head)) return false;
    return !(RelationOf(view, head) == "compound" && IsInMention(view, HeadOf(view, head)));
}

bool IsNominal(const ParseView& view, int word) {
    const nlp::Upos upos = view.parse.words[static_cast<std::size_t>(word)].upos;
    return upos == nlp::Upos::kNoun || upos == nlp::Upos::kPropn;
}

// Whether `word` is in a name the relative pronoun `pronoun` can stand for:
// "who" a person's ("the CEO of Google, who ..." is the CEO), "which" anything
// else's.
bool IsNameFor(const ParseView& view, int word, int pronoun) {
    const int item = view.item_of_word[static_cast<std::size_t>(word)];
    if (item < 0) return false;
    const SentenceItem& name = view.items[static_cast<std::size_t>(item)];
    if (!name.IsMention() || name.reference) return false;
    const std::string_view lemma = view.lemmas[static_cast<std::size_t>(pronoun)];
    const bool person = name.type == MentionType::kPerson;
    return lemma == "who" || lemma == "whom" ? person : lemma != "which" || !person;
}

// "Freshwater Pictures, based in Brisbane, Queensland, which ...": the word
// before the place phrase that ends at `last` (capitalized nouns that are
// no mention, commas, "based in" and the like), or -1.
int NameBeforePlace(const ParseView& view, int last) {
    static constexpr std::string_view kPlaceWords[] = {",", "in", "base", "headquarter", "headquartered", "locate"};
    int w = last;
    bool place = false;
    while (w >= 0 && last - w < 8) {
        const ParsedWord& word = view.parse.words[static_cast<std::size_t>(w)];
        const bool unnamed_place = IsNominal(view, w) && !word.form.empty() &&
                                   std::isupper(static_cast<unsigned char>(word.form[0])) && !IsInMention(view, w);
        if (!unnamed_place && std::find(std::begin(kPlaceWords), std::end(kPlaceWords), word.lemma) == std::end(kPlaceWords)) {
            break;
        }
        place = place || unnamed_place;
        --w;
    }
    return place && w >= 0 && w < last ? w : -1;
}

// The noun a relative pronoun stands for: a name just before the pronoun
// and its comma ("Outside, which was founded by ...", whatever the parser
// hung the clause on), else the head of its relative clause, else (the
// clause hung on a verb: "Hooli bought Nucleus, which ... founded") the
// noun just before. -1 for any other word.
int AntecedentOf(const ParseView& view, int word) {
    const int clause = HeadOf(view, word);
    if (!IsRelativePronoun(view, word) || clause < 0) return -1;
    int before = word - 1;
    const bool comma = before >= 0 && view.parse.words[static_cast<std::size_t>(before)].form == ",";
    if (before >= 0 && view.parse.words[static_cast<std::size_t>(before)].upos == nlp::Upos::kPunct) --before;
    // "Sergio Ermotti, who stepped down in 2020, will rejoin": a name, a
    // comma and "who" open a relative clause however the parser hung it.
    if (before >= 0 && IsNameFor(view, before, word) && (comma || RelationOf(view, clause) == "acl:relcl")) return before;
    if (comma) {
        const int located = NameBeforePlace(view, before);
        if (located >= 0 && IsNameFor(view, located, word)) return located;
    }
    // "a Norwegian company whose chief executive is X": "whose" follows the
    // noun it stands for, wherever the parser hung its clause.
    if (view.parse.words[static_cast<std::size_t>(word)].lemma == "whose" && before >= 0 && !comma &&
        IsNominal(view, before)) {
        return before;
    }
    if (RelationOf(view, clause) != "acl:relcl") return -1;
    const int noun = HeadOf(view, clause);
    if (noun >= 0 && IsNominal(view, noun)) return noun;
    return before >= 0 && IsNominal(view, before) ? before : -1;
}

bool FillsRole(const SentenceItem& item) { return item.IsMention() || item.kind == SentenceItem::Kind::kQuantity; }

// "another business, which he called Barker's Tire City", "the group, called
// Microsoft AI": the name a clause on the noun gives it, or -1.
int NameGivenTo(const ParseView& view, int noun) {
    if (!IsNominal(view, noun)) return -1;
    for (const int clause : ChildrenBy(view, noun, {"acl", "acl:relcl"})) {
        const std::string_view lemma = view.lemmas[static_cast<std::size_t>(clause)];
        if (lemma != "call" && lemma != "name" && lemma != "dub") continue;
        for (const int name : ChildrenBy(view, clause, {"xcomp", "obj"})) {
            if (IsInName(view, name)) return name;
        }
    }
    return -1;
}

// "She founded Ostara Motors in 2009 and served as its CEO", "bought
// Kestrel and ran it": "it" or "its" in a verb coordinated after another is
// that verb's object when it is a name; "Wikipedia and its founder": "its"
// on a noun coordinated with a name is that name. Returns the name's word,
// or -1.
int CoordinatedAntecedent(const ParseView& view, int pronoun) {
    const std::string_view form = view.forms[static_cast<std::size_t>(pronoun)];
    if (view.parse.words[static_cast<std::size_t>(pronoun)].upos != nlp::Upos::kPron || (form != "it" && form != "its")) {
        return -1;
    }
    const int owned = HeadOf(view, pronoun);
    if (form == "its" && owned >= 0 && RelationOf(view, owned) == "conj" && IsNominal(view, owned) &&
        IsInName(view, HeadOf(view, owned))) {
        return HeadOf(view, owned);
    }
    int verb = owned;
    for (int steps = 0; verb >= 0 && steps < 3 && view.parse.words[static_cast<std::size_t>(verb)].upos != nlp::Upos::kVerb;
         ++steps) {
        verb = HeadOf(view, verb);
    }
    if (verb < 0 || view.parse.words[static_cast<std::size_t>(verb)].upos != nlp::Upos::kVerb ||
        RelationOf(view, verb) != "conj") {
        return -1;
    }
    for (const int object : ChildrenBy(view, HeadOf(view, verb), {"obj"})) {
        if (IsInName(view, object)) return object;
    }
    return -1;
}

// "BankBoston exists as a subsidiary private bank owned by Bank of
// America": a noun phrase after "as" is what its verb's subject is. Those
// subjects, or none.
std::vector<int> SubjectsDescribedAs(const ParseView& view, int word, int depth) {
    const int head = HeadOf(view, word);
    if (head < 0 || RelationOf(view, word) != "obl" || !HasCaseWord(view, word, {"as"}) || !IsNominal(view, word)) return {};
    return LogicalSubjects(view, head, /*passive_ok=*/true, depth + 1);
}

// The items a reached word stands for; see the header.
// "founded by a group including A, B and C", "led by a consortium
// including A and B": a noun that names no one stands for the members its
// "including" or "like" phrase names (their conjuncts follow).
std::vector<int> MembersNamed(const ParseView& view, int word) {
    if (!IsNominal(view, word)) return {};
    std::vector<int> members;
    for (const int child : ChildrenBy(view, word, {"nmod"})) {
        if (HasCaseWord(view, child, {"including", "like"})) members.push_back(child);
    }
    return members;
}

void CollectFillers(const ParseView& view, int word, std::vector<int>& out, int depth, bool conjuncts = true) {
    if (depth > kMaxClimb) return;
    const int item = view.item_of_word[static_cast<std::size_t>(word)];
    const int head = HeadOf(view, word);
    if (const int object = CoordinatedAntecedent(view, word); object >= 0) {
        CollectFillers(view, object, out, depth + 1);
    } else if (item >= 0 && FillsRole(view.items[static_cast<std::size_t>(item)])) {
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    } else if (const int antecedent = AntecedentOf(view, word); antecedent >= 0) {
        // "Archer Aviation, which is backed by ..., and Lilium": a relative
        // clause stands for the conjuncts before it, not for those after.
        CollectFillers(view, antecedent, out, depth + 1, /*conjuncts=*/false);
        for (const int conjunct : ChildrenBy(view, antecedent, {"conj"})) {
            if (conjunct < word) CollectFillers(view, conjunct, out, depth + 1);
        }
    } else if (const std::vector<int> subjects = ChildrenBy(view, word, {"nsubj", "nsubj:outer", "nsubj:pass"});
               !subjects.empty() && !ChildrenBy(view, word, {"cop"}).empty()) {
        // "X is a developer founded by Y": the predicate noun is its subject.
        for (const int subject : subjects) CollectFillers(view, subject, out, depth + 1);
    } else if (const std::vector<int> described = SubjectsDescribedAs(view, word, depth); !described.empty()) {
        for (const int subject : described) CollectFillers(view, subject, out, depth + 1);
    } else if (head >= 0 && RelationOf(view, word) == "appos") {
        // "Address.com, a service acquired by Z": the apposition is the name.
        CollectFillers(view, head, out, depth + 1);
    } else if (const int named = NameGivenTo(view, word); named >= 0) {
        CollectFillers(view, named, out, depth + 1);
    } else if (const std::vector<int> members = MembersNamed(view, word); !members.empty()) {
        for (const int member : members) CollectFillers(view, member, out, depth + 1);
    } else {
        for (const int renamed : ChildrenBy(view, word, {"appos", "flat"})) {
            const int renamed_item = view.item_of_word[static_cast<std::size_t>(renamed)];
            if (renamed_item >= 0 && view.items[static_cast<std::size_t>(renamed_item)].IsMention()) {
                CollectFillers(view, renamed, out, depth + 1);
                break;
            }
        }
    }
    if (!conjuncts) return;
    for (const int conjunct : ChildrenBy(view, word, {"conj"})) {
        // "the purchase of IHS Markit and AMD's purchase of Xilinx": a
        // possessive opens a noun phrase of its own. A clause coordinated
        // with a name ("Mike Henry, left, and ... Duncan Wanblad, right, are
        // due") is no second name.
        const int conjunct_item = view.item_of_word[static_cast<std::size_t>(conjunct)];
        if (conjunct_item >= 0 && view.items[static_cast<std::size_t>(conjunct_item)].possessive) continue;
        const bool names = conjunct_item >= 0 && view.items[static_cast<std::size_t>(conjunct_item)].IsMention();
        if (!IsNominal(view, conjunct) && !names) continue;
        CollectFillers(view, conjunct, out, depth + 1);
    }
}

void Walk(const ParseView& view, const Step& step, int word, std::vector<int>& next);

bool LemmaAllowed(const ParseView& view, const Step& step, int word) {
    if (step.names_only && !IsInName(view, word)) return false;
    if (step.lemmas.empty() && step.lemma_lexicons.empty()) return true;
    const std::string_view lemma = view.lemmas[static_cast<std::size_t>(word)];
    return Contains(step.lemmas, lemma) ||
           std::any_of(step.lemma_lexicons.begin(), step.lemma_lexicons.end(),
                       [&](const Lexicon* lexicon) { return lexicon->Contains(lemma); });
}

void TakeStep(const ParseView& view, const Step& step, int word, std::vector<int>& next) {
    const std::size_t before = next.size();
    Walk(view, step, word, next);
    next.erase(std::remove_if(next.begin() + static_cast<std::ptrdiff_t>(before), next.end(),
                              [&](int reached) { return !LemmaAllowed(view, step, reached); }),
               next.end());
}

// "it agreed to be bought by Adelheid Medical": a passive infinitive
// without a subject of its own, whose subject, shared with the verb it
// complements, is the one acted on, not the one acting.
bool IsSubjectlessPassiveComplement(const ParseView& view, int word) {
    return RelationOf(view, word) == "xcomp" && !ChildrenBy(view, word, {"aux:pass"}).empty() &&
           ChildrenBy(view, word, {"nsubj", "nsubj:pass"}).empty();
}

void Walk(const ParseView& view, const Step& step, int word, std::vector<int>& next) {
    switch (step.kind) {
        case Step::Kind::kSubject:
            if (IsSubjectlessPassiveComplement(view, word)) return;
            for (const int subject : LogicalSubjects(view, word, false, 0)) next.push_back(subject);
            return;
        case Step::Kind::kUp: {
            const int head = HeadOf(view, word);
            if (head >= 0 && Contains(step.relations, RelationOf(view, word)) && HasCaseWord(view, word, step.case_words)) {
                next.push_back(head);
            }
            return;
        }
        case Step::Kind::kDown:
            for (const int child : ChildrenOf(view, word)) {
                if (Contains(step.relations, RelationOf(view, child)) && HasCaseWord(view, child, step.case_words)) {
                    next.push_back(child);
                }
            }
            if (Contains(step.relations, "nsubj:pass") && IsSubjectlessPassiveComplement(view, word)) {
                for (const int subject : LogicalSubjects(view, word, false, 0)) next.push_back(subject);
            }
            return;
    }
}

// The words `path` leads to from `start`, step by step, left in `reached`;
// `next` takes each step's words meanwhile. The caller keeps both for all
// the paths it follows: this runs for every path of every role of every
// trigger, and two vectors per path were a tenth of the extractor's
// allocations.
void Follow(const ParseView& view, int start, const DependencyPattern::Path& path, std::vector<int>& reached,
            std::vector<int>& next) {
    reached.assign(1, start);
    for (const DependencyPattern::Step& step : path) {
        next.clear();
        for (const int word : reached) TakeStep(view, step, word, next);
        reached.swap(next);
    }
}

// "the Chief Technical Officer of A and Chief Executive Officer of B": a
// word whose own "of" phrase or possessor is a proper noun that fills no
// role (B's name was cut short) has an argument of its own all the same:
// it takes neither a conjunct's nor an implicit one.
bool HasOwnComplement(const ParseView& view, int word, const std::vector<DependencyPattern::Path>& paths) {
    return std::any_of(paths.begin(), paths.end(), [&](const DependencyPattern::Path& path) {
        const DependencyPattern::Step& first = path.front();
        const bool complement = first.kind == DependencyPattern::Step::Kind::kDown &&
                                (!first.case_words.empty() || Contains(first.relations, std::string("nmod:poss")));
        if (!complement) return false;
        std::vector<int> reached;
        Walk(view, first, word, reached);
        return std::any_of(reached.begin(), reached.end(), [&](int w) {
            return view.parse.words[static_cast<std::size_t>(w)].upos == nlp::Upos::kPropn;
        });
    });
}

// Whether a role's first path starts at a phrase with a preposition
// ("obl[with|alongside]").
bool StartsWithPreposition(const std::vector<DependencyPattern::Path>& paths) {
    return !paths.empty() && paths.front().front().kind == DependencyPattern::Step::Kind::kDown &&
           !paths.front().front().case_words.empty();
}

}  // namespace

std::vector<int> DependencyPattern::Fill(const ParseView& view, int trigger, const RolePaths& role) const {
    const int trigger_item = view.item_of_word[static_cast<std::size_t>(trigger)];
    std::vector<int> reached, next;
    for (const Path& path : role.paths) {
        Follow(view, trigger, path, reached, next);
        // "Starbucks CEO Howard Schultz and Dan Levitan", "headed by Adolfo
        // E. Gutierrez, the Chairman ..., and Gilbert Narvaez": a title in
        // the singular before a name or in apposition to it describes that
        // name, not the names coordinated with it ("cofounders Alan and
        // Joey Shamah" do).
        const ParsedWord& trigger_word = view.parse.words[static_cast<std::size_t>(trigger)];
        const bool describes_one = path.size() == 1 && path.front().kind == Step::Kind::kUp &&
                                   (trigger_word.deprel == "compound" || trigger_word.deprel == "nmod:desc" ||
                                    trigger_word.deprel == "appos") &&
                                   FoldCase(trigger_word.form) == trigger_word.lemma;
        std::vector<int> fillers;
        for (const int word : reached) CollectFillers(view, word, fillers, 0, !describes_one);
        fillers.erase(std::remove_if(fillers.begin(), fillers.end(),
                                     [&](int item) {
                                         const bool quantity = view.items[static_cast<std::size_t>(item)].kind ==
                                                               SentenceItem::Kind::kQuantity;
                                         return item == trigger_item || quantity != role.quantity;
                                     }),
                      fillers.end());
        if (!fillers.empty()) return fillers;
    }
    return {};
}

// The role's fillers from the trigger, else from the conjuncts it is
// coordinated with. UD attaches what conjuncts share to the first of them
// ("founder and CEO *of Salesforce*"), but parsers and writers often put it
// on the nearest ("the founder and CEO *of BioImagene*"), so coordinated
// nouns share both ways. Coordinated verbs share only towards the first:
// in "acquired a stake and valued *the company*", the company is no object
// of "acquired".
std::vector<int> DependencyPattern::FillShared(const ParseView& view, int trigger, const RolePaths& role) const {
    std::vector<int> fillers = Fill(view, trigger, role);
    if (!fillers.empty()) return fillers;
    // A conjunct with an article of its own is a noun phrase of its own:
    // "a Maldivian economist and the CEO of X" shares nothing; nor does a
    // clause with a subject of its own ("Y was acquired by X, and Z bought
    // a plant": the plant's buyer bought no Y).
    auto own_phrase = [&](int word) {
        return !ChildrenBy(view, word, {"det"}).empty() ||
               (!IsNominal(view, word) && !ChildrenBy(view, word, {"nsubj", "nsubj:pass", "csubj"}).empty());
    };
    // "worked with Jean Piaget and later co-founded the Institute": a verb
    // with an object of its own takes no preposition's phrase from the verb
    // it is coordinated with.
    const bool keeps_to_its_object = !IsNominal(view, trigger) && !ChildrenBy(view, trigger, {"obj"}).empty() &&
                                     StartsWithPreposition(role.paths);
    const int head = HeadOf(view, trigger);
    if (head >= 0 && RelationOf(view, trigger) == "conj" && !own_phrase(trigger) && !keeps_to_its_object &&
        !HasOwnComplement(view, trigger, role.paths)) {
        fillers = Fill(view, head, role);
        if (!fillers.empty()) return fillers;
    }
    if (!IsNominal(view, trigger)) return {};
    for (const int conjunct : ChildrenBy(view, trigger, {"conj"})) {
        if (!IsNominal(view, conjunct) || own_phrase(conjunct)) continue;
        fillers = Fill(view, conjunct, role);
        if (!fillers.empty()) return fillers;
    }
    return {};
}

// The head word of each trigger phrase starting at one of `starts`, matched
// on lemmas or on folded forms ("chief executive" heads at "executive").
std::vector<int> DependencyPattern::Triggers(const ParseView& view, const std::vector<int>& starts) const {
    std::vector<int> heads;
    int covered = 0;  // the words before it are in a trigger phrase found already
    for (const int start : starts) {
        if (start < covered) continue;
        int end = -1;
        auto longest = [&](std::size_t e) {
            end = std::max(end, static_cast<int>(e));
            return false;
        };
        trigger_->AnyEnd(view.lemmas, static_cast<std::size_t>(start), longest);
        trigger_->AnyEnd(view.forms, static_cast<std::size_t>(start), longest);
        if (end < 0) continue;
        int head = end - 1;
        for (int w = start; w < end; ++w) {
            const int h = HeadOf(view, w);
            if (h < start || h >= end) {
                head = w;
                break;
            }
        }
        const nlp::Upos upos = view.parse.words[static_cast<std::size_t>(head)].upos;
        if ((upos_.empty() || std::find(upos_.begin(), upos_.end(), upos) != upos_.end()) && !ModifiesNonName(view, head)) {
            heads.push_back(head);
        }
        covered = end;
    }
    return heads;
}

bool DependencyPattern::Vetoed(const ParseView& view, int trigger) const {
    std::vector<int> reached, next;
    return std::any_of(unless_.begin(), unless_.end(), [&](const Path& path) {
        Follow(view, trigger, path, reached, next);
        return !reached.empty();
    });
}

bool DependencyPattern::Denied(const ParseView& view, int trigger) const {
    for (const int child : ChildrenOf(view, trigger)) {
        if (RelationOf(view, child) == "det" && view.lemmas[static_cast<std::size_t>(child)] == "no") return true;
    }
    if (denials_ == nullptr) return false;
    constexpr std::string_view kGoverned[] = {"ccomp", "xcomp", "csubj", "nsubj", "nsubj:pass", "obj", "obl", "acl"};
    for (int word = trigger, steps = 0; HeadOf(view, word) >= 0 && steps < static_cast<int>(view.parse.words.size());
         word = HeadOf(view, word), ++steps) {
        if (std::find(std::begin(kGoverned), std::end(kGoverned), RelationOf(view, word)) == std::end(kGoverned)) return false;
        if (denials_->Contains(view.lemmas[static_cast<std::size_t>(HeadOf(view, word))])) return true;
    }
    return false;
}

bool DependencyPattern::Former(const ParseView& view, int trigger) const {
    if (formers_ == nullptr) return false;
    if (view.forms[static_cast<std::size_t>(trigger)].rfind("ex-", 0) == 0) return true;
    const auto modifies = [&](int child) {
        const std::string& relation = RelationOf(view, child);
        return (relation == "amod" || relation == "advmod") && formers_->Contains(view.forms[static_cast<std::size_t>(child)]);
    };
    const auto children = ChildrenOf(view, trigger);
    return std::any_of(children.begin(), children.end(), modifies);
}

std::vector<PatternMatch> DependencyPattern::FindAll(const ParseView& view, const std::vector<int>& starts,
                                                     std::size_t role_count) const {
    std::vector<PatternMatch> matches;
    for (const int trigger : Triggers(view, starts)) {
        if (Vetoed(view, trigger)) continue;
        // The combinations of the roles' fillers, grown role by role.
        std::vector<PatternMatch> partial(1);
        partial[0].roles.resize(role_count);
        partial[0].negated = Denied(view, trigger);
        partial[0].former = Former(view, trigger);
        const int trigger_item = view.item_of_word[static_cast<std::size_t>(trigger)];
        partial[0].begin = static_cast<std::size_t>(std::max(trigger_item, 0));
        partial[0].end = partial[0].begin + 1;
        for (const RolePaths& role : roles_) {
            const std::vector<int> fillers = FillShared(view, trigger, role);
            if (fillers.empty()) {
                if (HasOwnComplement(view, trigger, role.paths)) {
                    for (PatternMatch& m : partial) m.roles[static_cast<std::size_t>(role.role)].stated = true;
                }
                continue;
            }
            std::vector<PatternMatch> grown;
            for (const PatternMatch& m : partial) {
                for (const int item : fillers) {
                    PatternMatch g = m;
                    g.roles[static_cast<std::size_t>(role.role)] = {item, item + 1};
                    grown.push_back(std::move(g));
                }
            }
            partial = std::move(grown);
        }
        for (PatternMatch& m : partial) {
            for (const RoleSpan& span : m.roles) {
                if (!span.bound()) continue;
                m.begin = std::min(m.begin, static_cast<std::size_t>(span.first));
                m.end = std::max(m.end, static_cast<std::size_t>(span.end));
            }
            matches.push_back(std::move(m));
        }
    }
    return matches;
}

}  // namespace kgraph::extract
