// The pattern language over dependency parses, on real news sentences with
// their parse written out by hand in UD English-EWT style, so that these tests
// say what the matcher does whatever the trained parser gets wrong.
#include <catch2/catch.hpp>

#include <map>
#include <numeric>
#include <sstream>

#include "dependency_pattern.h"

using namespace kgraph;
using namespace kgraph::extract;

namespace {

// A sentence given as "form head deprel UPOS lemma" lines (head 0 = root,
// 1-based as in CoNLL-U); words whose form starts with an upper-case letter
// are entity mentions, one item per word.
struct HandParsed {
    SentenceParse parse;
    SentenceItems items;
    std::vector<int> item_of_word;

    explicit HandParsed(const std::string& conll) {
        std::istringstream in(conll);
        std::string form, deprel, upos, lemma;
        int head = 0;
        forms_.reserve(64);
        while (in >> form >> head >> deprel >> upos >> lemma) {
            forms_.push_back(form);
            ParsedWord word;
            word.head = head - 1;
            word.deprel = deprel;
            word.upos = *nlp::UposFromName(upos);
            word.lemma = lemma;
            parse.words.push_back(word);
            SentenceItem item;
            item.word = lemma;
            if (upos == "PROPN" || (upos == "PRON" && (lemma == "it" || lemma == "he"))) {
                item.kind = SentenceItem::Kind::kMention;
                item.entity = static_cast<int>(items.size());
                item.reference = upos == "PRON";
            }
            items.push_back(item);
            item_of_word.push_back(static_cast<int>(item_of_word.size()));
        }
        for (std::size_t w = 0; w < parse.words.size(); ++w) parse.words[w].form = forms_[w];
        parse.LinkChildren();
    }

private:
    std::vector<std::string> forms_;
};

struct Fixture {
    Vocabulary vocabulary;
    RoleTable roles;
    std::map<std::string, Lexicon> lexicons;

    Fixture() {
        roles.Intern("subj");  // as the rules file does: matches list roles in this order
        roles.Intern("obj");
        lexicons.emplace("acquire", Lexicon({"acquire", "buy", "take over"}, vocabulary));
        lexicons.emplace("ceo", Lexicon({"ceo", "chief executive"}, vocabulary));
        lexicons.emplace("rival", Lexicon({"rival", "competitor"}, vocabulary));
        lexicons.emplace("deal_verb", Lexicon({"complete", "agree"}, vocabulary));
        lexicons.emplace("stake", Lexicon({"stake"}, vocabulary));
        lexicons.emplace("divest", Lexicon({"sell"}, vocabulary));
    }

    DependencyPattern Compile(const std::string& trigger, const std::string& upos,
                              std::vector<std::pair<std::string, std::vector<std::string>>> paths,
                              const std::vector<std::string>& unless = {}) {
        Result<DependencyPattern> pattern = DependencyPattern::Compile(lexicons.at(trigger), upos, paths, unless, lexicons, roles);
        REQUIRE(pattern.ok());
        return std::move(*pattern);
    }

    // "subj=0 obj=7" per match: the items filling each named role.
    std::vector<std::string> Matches(const DependencyPattern& pattern, const HandParsed& sentence) {
        const ParseView view(sentence.parse, sentence.items, sentence.item_of_word);
        std::vector<int> every_word(sentence.parse.words.size());  // a trigger is looked for at each
        std::iota(every_word.begin(), every_word.end(), 0);
        std::vector<std::string> out;
        for (const PatternMatch& m : pattern.FindAll(view, every_word, roles.size())) {
            std::string line;
            for (std::size_t r = 0; r < m.roles.size(); ++r) {
                if (m.roles[r].bound()) line += (line.empty() ? "" : " ") + roles.Name(static_cast<int>(r)) + "=" + std::to_string(m.roles[r].first);
            }
            out.push_back(line);
        }
        return out;
    }
};

}  // namespace

TEST_CASE("Dependency pattern: the subject of an infinitive is the subject of the verb it completes") {
    Fixture f;
    const HandParsed sentence(R"(
        Kroger 3 nsubj PROPN Kroger
        has 3 aux AUX have
        agreed 0 root VERB agree
        to 5 mark PART to
        buy 3 xcomp VERB buy
        its 8 nmod:poss PRON its
        rival 8 compound NOUN rival
        Albertsons 5 obj PROPN Albertsons
        . 3 punct PUNCT .)");
    const DependencyPattern buys = f.Compile("acquire", "VERB", {{"subj", {"SUBJ"}}, {"obj", {"obj"}}});
    CHECK(f.Matches(buys, sentence) == std::vector<std::string>{"subj=0 obj=7"});
    // Without the climb through the xcomp, "buy" has no subject of its own.
    const DependencyPattern direct = f.Compile("acquire", "VERB", {{"subj", {"nsubj"}}, {"obj", {"obj"}}});
    CHECK(f.Matches(direct, sentence) == std::vector<std::string>{"obj=7"});
}

TEST_CASE("Dependency pattern: a relative pronoun stands for the noun its clause modifies") {
    Fixture f;
    const HandParsed sentence(R"(
        Legere 0 root PROPN Legere
        , 4 punct PUNCT ,
        who 4 nsubj PRON who
        served 1 acl:relcl VERB serve
        as 6 case ADP as
        CEO 4 obl NOUN ceo
        of 8 case ADP of
        T-Mobile 6 nmod PROPN T-Mobile)");
    const DependencyPattern ceo = f.Compile("ceo", "NOUN PROPN", {{"subj", {"<compound", "<obl[as] SUBJ"}}, {"obj", {"nmod[of]"}}});
    CHECK(f.Matches(ceo, sentence) == std::vector<std::string>{"subj=0 obj=7"});
    // The preposition is part of the step: "as" is required, "in" is not there.
    const DependencyPattern wrong_case = f.Compile("ceo", "NOUN", {{"subj", {"<obl[in] SUBJ"}}, {"obj", {"nmod[of]"}}});
    CHECK(f.Matches(wrong_case, sentence) == std::vector<std::string>{"obj=7"});
}

TEST_CASE("Dependency pattern: conjuncts spread, an advcl shares its subject, a lemma condition filters the head reached") {
    Fixture f;
    const HandParsed sentence(R"(
        T-Mobile 2 nsubj PROPN T-Mobile
        completed 0 root VERB complete
        its 4 nmod:poss PRON its
        takeover 2 obj NOUN takeover
        , 2 punct PUNCT ,
        taking 2 advcl VERB take
        on 6 compound:prt ADP on
        rivals 9 compound NOUN rival
        AT&T 6 obj PROPN AT&T
        and 11 cc CCONJ and
        Verizon 9 conj PROPN Verizon)");
    const DependencyPattern rivals = f.Compile("rival", "NOUN", {{"obj", {"<compound"}}, {"subj", {"<compound <obj SUBJ"}}});
    CHECK(f.Matches(rivals, sentence) == std::vector<std::string>{"subj=0 obj=8", "subj=0 obj=10"});
    const DependencyPattern taken_on = f.Compile("rival", "NOUN", {{"obj", {"<compound"}}, {"subj", {"<compound <obj{take} SUBJ"}}});
    CHECK(f.Matches(taken_on, sentence) == std::vector<std::string>{"subj=0 obj=8", "subj=0 obj=10"});
    const DependencyPattern via_deal = f.Compile("rival", "NOUN", {{"obj", {"<compound"}}, {"subj", {"<compound <obj{@deal_verb} SUBJ"}}});
    CHECK(f.Matches(via_deal, sentence) == std::vector<std::string>{"obj=8", "obj=10"});
}

TEST_CASE("Dependency pattern: a passive puts the agent in the subject role") {
    Fixture f;
    const HandParsed sentence(R"(
        Mielle 4 nsubj:pass PROPN Mielle
        was 4 aux:pass AUX be
        quickly 4 advmod ADV quickly
        acquired 0 root VERB acquire
        by 6 case ADP by
        Procter 4 obl PROPN Procter)");
    const DependencyPattern acquired = f.Compile("acquire", "VERB", {{"subj", {"SUBJ", "obl[by]"}}, {"obj", {"obj", "nsubj:pass"}}});
    CHECK(f.Matches(acquired, sentence) == std::vector<std::string>{"subj=5 obj=0"});
}

TEST_CASE("Dependency pattern: a multi-word trigger is found at its syntactic head") {
    Fixture f;
    const HandParsed sentence(R"(
        Anglo 3 compound PROPN Anglo
        chief 3 amod ADJ chief
        executive 4 compound NOUN executive
        Wanblad 0 root PROPN Wanblad)");
    const DependencyPattern ceo = f.Compile("ceo", "NOUN", {{"subj", {"<compound"}}, {"obj", {"compound"}}});
    CHECK(f.Matches(ceo, sentence) == std::vector<std::string>{"subj=3 obj=0"});
}

TEST_CASE("Dependency pattern: malformed paths are refused with the reason") {
    Fixture f;
    auto problem = [&](const std::string& path) {
        Result<DependencyPattern> p = DependencyPattern::Compile(f.lexicons.at("ceo"), "NOUN", {{"subj", {path}}}, {}, f.lexicons, f.roles);
        return p.ok() ? std::string() : p.status().message();
    };
    CHECK_THAT(problem("obl[as"), Catch::Contains("missing ']'"));
    CHECK_THAT(problem("Nsubj"), Catch::Contains("not a dependency relation"));
    CHECK_THAT(problem("<obj{@nothing}"), Catch::Contains("no lexicon 'nothing'"));
    CHECK(problem("<obl[as] SUBJ").empty());
    Result<DependencyPattern> bad_upos = DependencyPattern::Compile(f.lexicons.at("ceo"), "NOUNS", {}, {}, f.lexicons, f.roles);
    REQUIRE_FALSE(bad_upos.ok());
    CHECK_THAT(bad_upos.status().message(), Catch::Contains("not a UD part of speech"));
}

TEST_CASE("Dependency pattern: an 'unless' path that reaches a word vetoes the trigger") {
    Fixture f;
    const HandParsed sold(R"(
        Tencent 2 nsubj PROPN Tencent
        sold 0 root VERB sell
        its 4 nmod:poss PRON its
        stake 2 obj NOUN stake
        in 6 case ADP in
        Ubisoft 4 nmod PROPN Ubisoft)");
    const HandParsed holds(R"(
        Tencent 2 nsubj PROPN Tencent
        holds 0 root VERB hold
        a 4 det DET a
        stake 2 obj NOUN stake
        in 6 case ADP in
        Ubisoft 4 nmod PROPN Ubisoft)");
    const std::vector<std::pair<std::string, std::vector<std::string>>> roles{{"subj", {"<obj SUBJ"}}, {"obj", {"nmod[in]"}}};
    const DependencyPattern stake = f.Compile("stake", "NOUN", roles, {"<obj{@divest}"});
    CHECK(f.Matches(stake, sold).empty());
    CHECK(f.Matches(stake, holds) == std::vector<std::string>{"subj=0 obj=5"});
    CHECK(f.Matches(f.Compile("stake", "NOUN", roles), sold) == std::vector<std::string>{"subj=0 obj=5"});
}
