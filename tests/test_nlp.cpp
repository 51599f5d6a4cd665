// The tagger, lemmatizer and parser with the committed model, on news
// sentences; SplitClitics; the CoNLL-U reader; and what Load does with a file
// that is not a model.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kgraph/nlp/conllu.h"
#include "kgraph/nlp/parser.h"

namespace nlp = kgraph::nlp;

namespace {

const nlp::Parser& SharedParser() {
    static const std::unique_ptr<const nlp::Parser> parser = [] {
        auto loaded = nlp::Parser::Load(nlp::DefaultModelPath());
        INFO(loaded.status().ToString());
        REQUIRE(loaded.ok());
        return std::move(loaded).value();
    }();
    return *parser;
}

// A sentence split at spaces and then by SplitClitics, parsed.
struct ParsedSentence {
    std::vector<std::string> words;
    std::vector<nlp::ParsedWord> parse;

    explicit ParsedSentence(const std::string& text) {
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find(' ', start), text.size());
            for (std::string_view piece : nlp::SplitClitics(std::string_view(text).substr(start, end - start))) {
                words.emplace_back(piece);
            }
            start = end + 1;
        }
        parse = SharedParser().Parse(std::vector<std::string_view>(words.begin(), words.end()));
    }

    int Index(std::string_view word) const {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i] == word) return static_cast<int>(i);
        }
        FAIL("no word " << word);
        return -1;
    }
    const nlp::ParsedWord& operator[](std::string_view word) const { return parse[Index(word)]; }
    // The word `word` depends on, or "ROOT".
    std::string HeadOf(std::string_view word) const {
        const int head = (*this)[word].head;
        return head < 0 ? "ROOT" : words[head];
    }
};

std::filesystem::path TempFile(const std::string& name, const std::string& bytes) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("kgraph_test_nlp_" + name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::vector<std::string> Split(std::string_view token) {
    std::vector<std::string> pieces;
    for (std::string_view piece : nlp::SplitClitics(token)) pieces.emplace_back(piece);
    return pieces;
}

}  // namespace

TEST_CASE("nlp: an investment: subject, object, and an oblique with its preposition", "[nlp]") {
    const ParsedSentence s("Meta invested $ 14.3 billion in Scale AI .");
    CHECK(s.HeadOf("invested") == "ROOT");
    CHECK(s["invested"].deprel == "root");
    CHECK(s["invested"].upos == nlp::Upos::kVerb);
    CHECK(s["invested"].lemma == "invest");
    CHECK(s["Meta"].deprel == "nsubj");
    CHECK(s.HeadOf("Meta") == "invested");
    CHECK(s["Meta"].upos == nlp::Upos::kPropn);
    // EWT heads an amount of money by its currency sign.
    CHECK(s["$"].deprel == "obj");
    CHECK(s.HeadOf("$") == "invested");
    CHECK(s.HeadOf("billion") == "$");
    CHECK(s["AI"].deprel == "flat");
    CHECK(s["."].upos == nlp::Upos::kPunct);

    const ParsedSentence t("Meta has invested heavily in Scale AI .");
    // EWT heads a multiword name by its first word, the rest hanging off it as flat.
    CHECK(t["Scale"].deprel == "obl");
    CHECK(t.HeadOf("Scale") == "invested");
    CHECK(t["AI"].deprel == "flat");
    CHECK(t.HeadOf("AI") == "Scale");
    CHECK(t["in"].deprel == "case");
    CHECK(t.HeadOf("in") == "Scale");
    CHECK(t["has"].deprel == "aux");
}

TEST_CASE("nlp: a passive: the subject is nsubj:pass and the by-phrase the agent", "[nlp]") {
    const ParsedSentence s("Scale AI was founded by Alexandr Wang in 2016 .");
    CHECK(s.HeadOf("founded") == "ROOT");
    CHECK(s["founded"].lemma == "found");
    CHECK(s["Scale"].deprel == "nsubj:pass");
    CHECK(s.HeadOf("Scale") == "founded");
    CHECK(s["was"].deprel == "aux:pass");
    CHECK(s["was"].lemma == "be");
    CHECK(s["Wang"].deprel == "obl:agent");
    CHECK(s.HeadOf("Wang") == "founded");
    CHECK(s.HeadOf("by") == "Wang");
    CHECK(s["2016"].deprel == "obl");
    CHECK(s["2016"].upos == nlp::Upos::kNum);
}

TEST_CASE("nlp: a possessive split off by SplitClitics is nmod:poss", "[nlp]") {
    const ParsedSentence s("Meta's chief executive , Mark Zuckerberg , announced the deal on Thursday .");
    CHECK(s.words[1] == "'s");
    CHECK(s["Meta"].deprel == "nmod:poss");
    CHECK(s["'s"].deprel == "case");
    CHECK(s.HeadOf("'s") == "Meta");
    CHECK(s["'s"].upos == nlp::Upos::kPart);
    CHECK(s["Mark"].deprel == "appos");
    CHECK(s["Zuckerberg"].deprel == "flat");
    CHECK(s.HeadOf("Zuckerberg") == "Mark");
    CHECK(s.HeadOf("announced") == "ROOT");
    CHECK(s["deal"].deprel == "obj");
    CHECK(s.HeadOf("deal") == "announced");
}

TEST_CASE("nlp: a relative clause hangs off the noun it describes", "[nlp]") {
    const ParsedSentence s("Alexandr Wang , who has led Scale AI since 2018 , will join Meta .");
    CHECK(s.HeadOf("join") == "ROOT");
    CHECK(s["led"].deprel == "acl:relcl");
    CHECK(s.HeadOf("led") == "Alexandr");
    CHECK(s["who"].deprel == "nsubj");
    CHECK(s.HeadOf("who") == "led");
    CHECK(s["led"].lemma == "lead");
    CHECK(s["has"].lemma == "have");
    CHECK(s["Meta"].deprel == "obj");
    CHECK(s.HeadOf("Meta") == "join");
}

TEST_CASE("nlp: lemmas of regular and irregular forms", "[nlp]") {
    const ParsedSentence s("The companies were buying smaller rivals and said they had grown .");
    CHECK(s["companies"].lemma == "company");
    CHECK(s["were"].lemma == "be");
    CHECK(s["buying"].lemma == "buy");
    CHECK(s["smaller"].lemma == "small");
    CHECK(s["rivals"].lemma == "rival");
    CHECK(s["said"].lemma == "say");
    CHECK(s["they"].lemma == "they");
    CHECK(s["had"].lemma == "have");
    CHECK(s["grown"].lemma == "grow");
    CHECK(s["The"].lemma == "the");
}

TEST_CASE("nlp: every parse is one tree, and the same twice", "[nlp]") {
    for (const std::string text : {"Shares of Nvidia fell 3 percent on Monday after the report .",
                                   "\" We are not going to sell , \" she said .", "Yes .", "Apple"}) {
        const ParsedSentence s(text);
        REQUIRE(s.parse.size() == s.words.size());
        int roots = 0;
        for (std::size_t i = 0; i < s.parse.size(); ++i) {
            int steps = 0;
            for (int head = s.parse[i].head; head >= 0; head = s.parse[head].head) {
                REQUIRE(head < static_cast<int>(s.parse.size()));
                REQUIRE(++steps <= static_cast<int>(s.parse.size()));  // no cycle
            }
            roots += s.parse[i].head < 0;
            CHECK((s.parse[i].head < 0) == (s.parse[i].deprel == "root"));
        }
        CHECK(roots == 1);
        const ParsedSentence again(text);
        for (std::size_t i = 0; i < s.parse.size(); ++i) {
            CHECK(again.parse[i].head == s.parse[i].head);
            CHECK(again.parse[i].deprel == s.parse[i].deprel);
        }
    }
    CHECK(SharedParser().Parse({}).empty());
}

// Known errors of the committed model, kept so that a retrained model that
// fixes one is noticed: each case passes while its check fails.
TEST_CASE("nlp: known error: 'executive' in 'chief executive' is tagged ADJ, so 'chief' heads the phrase",
          "[nlp][!shouldfail]") {
    const ParsedSentence s("Meta's chief executive , Mark Zuckerberg , announced the deal on Thursday .");
    CHECK(s.HeadOf("Meta") == "executive");
}

TEST_CASE("nlp: known error: 'in Scale AI' after an amount of money attaches to the amount", "[nlp][!shouldfail]") {
    const ParsedSentence s("Meta invested $ 14.3 billion in Scale AI .");
    CHECK(s.HeadOf("Scale") == "invested");
}

TEST_CASE("nlp: SplitClitics splits clitics the way EWT does", "[nlp]") {
    using V = std::vector<std::string>;
    CHECK(Split("Meta's") == V{"Meta", "'s"});
    CHECK(Split("Meta\xE2\x80\x99s") == V{"Meta", "\xE2\x80\x99s"});
    CHECK(Split("don't") == V{"do", "n't"});
    CHECK(Split("DON'T") == V{"DO", "N'T"});
    CHECK(Split("can't") == V{"ca", "n't"});
    CHECK(Split("won\xE2\x80\x99t") == V{"wo", "n\xE2\x80\x99t"});
    CHECK(Split("companies'") == V{"companies", "'"});
    CHECK(Split("companies\xE2\x80\x99") == V{"companies", "\xE2\x80\x99"});
    CHECK(Split("they're") == V{"they", "'re"});
    CHECK(Split("we've") == V{"we", "'ve"});
    CHECK(Split("I'm") == V{"I", "'m"});
    CHECK(Split("she'll") == V{"she", "'ll"});
    CHECK(Split("he'd") == V{"he", "'d"});
    CHECK(Split("cannot") == V{"can", "not"});
    CHECK(Split("'s") == V{"'s"});
    CHECK(Split("O'Brien") == V{"O'Brien"});
    CHECK(Split("rock'n'roll") == V{"rock'n'roll"});
    CHECK(Split("Meta") == V{"Meta"});
    CHECK(Split("'") == V{"'"});
    CHECK(Split("s'") == V{"s'"});
    CHECK(Split("") == V{""});
}

TEST_CASE("nlp: Load reports a missing or damaged model instead of crashing", "[nlp]") {
    const auto missing = nlp::Parser::Load("/nonexistent/kgraph/en_ewt.model");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.status().IsNotFound());

    const auto garbage = nlp::Parser::Load(TempFile("garbage", "this is not a model\n"));
    REQUIRE_FALSE(garbage.ok());
    CHECK(garbage.status().IsCorruption());

    const auto empty = nlp::Parser::Load(TempFile("empty", ""));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.status().IsCorruption());

    std::ifstream in(nlp::DefaultModelPath(), std::ios::binary);
    std::string model((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(model.size() > 100000);
    for (std::size_t keep : {std::size_t{8}, std::size_t{5000}, model.size() / 2, model.size() - 1}) {
        const auto truncated = nlp::Parser::Load(TempFile("truncated", model.substr(0, keep)));
        REQUIRE_FALSE(truncated.ok());
        CHECK(truncated.status().IsCorruption());
    }
    const auto extended = nlp::Parser::Load(TempFile("extended", model + "x"));
    CHECK(extended.status().IsCorruption());
}

TEST_CASE("nlp: UposName and UposFromName are inverse", "[nlp]") {
    CHECK(nlp::UposName(nlp::Upos::kAdj) == "ADJ");
    CHECK(nlp::UposName(nlp::Upos::kPropn) == "PROPN");
    CHECK(nlp::UposName(nlp::Upos::kX) == "X");
    for (int i = 0; i < nlp::kNumUpos; ++i) {
        CHECK(nlp::UposFromName(nlp::UposName(static_cast<nlp::Upos>(i))) == static_cast<nlp::Upos>(i));
    }
    CHECK_FALSE(nlp::UposFromName("NN").has_value());
}

TEST_CASE("nlp: the CoNLL-U reader keeps basic words and skips the rest", "[nlp]") {
    const std::string text =
        "# sent_id = 1\n"
        "# text = Meta's deal won't close.\n"
        "1-2\tMeta's\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tMeta\tMeta\tPROPN\tNNP\t_\t3\tnmod:poss\t3:nmod:poss\t_\n"
        "2\t's\t's\tPART\tPOS\t_\t1\tcase\t1:case\t_\n"
        "3\tdeal\tdeal\tNOUN\tNN\t_\t6\tnsubj\t6:nsubj\t_\n"
        "4\two\twill\tAUX\tMD\t_\t6\taux\t6:aux\t_\n"
        "5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t6:advmod\t_\n"
        "5.1\tclose\tclose\tVERB\tVB\t_\t_\t_\t6:conj\t_\n"
        "6\tclose\tclose\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t6:punct\t_\n"
        "\n"
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";
    const auto sentences = nlp::ParseConllu(text);
    REQUIRE(sentences.ok());
    REQUIRE(sentences->size() == 2);
    const auto& words = (*sentences)[0].words;
    REQUIRE(words.size() == 7);
    CHECK(words[0].form == "Meta");
    CHECK(words[0].deprel == "nmod:poss");
    CHECK(words[0].head == 3);
    CHECK(words[3].lemma == "will");
    CHECK(words[3].xpos == "MD");
    CHECK(words[5].head == 0);
    CHECK(words[5].upos == "VERB");
    CHECK((*sentences)[1].words.at(0).form == "Yes");

    CHECK(nlp::ParseConllu("1\tYes\tyes\tINTJ\n").status().IsInvalidArgument());
    CHECK(nlp::ParseConllu("1\tYes\tyes\tINTJ\tUH\t_\t5\troot\t_\t_\n").status().IsInvalidArgument());
    CHECK(nlp::ParseConllu("2\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n").status().IsInvalidArgument());
    CHECK(nlp::ReadConlluFile("/nonexistent/kgraph.conllu").status().IsNotFound());
}

TEST_CASE("nlp: words the caller knows to be a name are tagged PROPN and the parse follows", "[nlp]") {
    const std::vector<std::string_view> words{"Hooli", "funded", "the", "startup", "Pied", "Piper", "last", "year", "."};
    // Alone, the tagger reads "Pied" as the past tense it looks like.
    const std::vector<nlp::ParsedWord> guessed = SharedParser().Parse(words);
    CHECK(guessed[4].upos != nlp::Upos::kPropn);
    std::vector<std::optional<nlp::Upos>> names(words.size());
    names[0] = names[4] = names[5] = nlp::Upos::kPropn;
    const std::vector<nlp::ParsedWord> told = SharedParser().Parse(words, names);
    CHECK(told[4].upos == nlp::Upos::kPropn);
    CHECK(told[5].upos == nlp::Upos::kPropn);
    CHECK(told[2].upos == nlp::Upos::kDet);  // unflagged words are tagged as before
    // "Pied Piper" is now a name the verb takes as its object (through "startup" or directly).
    const int piper_head = told[4].head;
    REQUIRE(piper_head >= 0);
    CHECK((piper_head == 1 || piper_head == 3));
    CHECK(told[1].upos == nlp::Upos::kVerb);
}

TEST_CASE("nlp: a word the caller knows to be a noun is tagged NOUN and heads its phrase", "[nlp]") {
    const std::vector<std::string_view> words{"He", "is", "a", "former", "American", "executive", "who", "served", "as",
                                              "CEO", "."};
    // The treebank has "executive" only as an adjective ("executive director").
    const std::vector<nlp::ParsedWord> guessed = SharedParser().Parse(words);
    CHECK(guessed[5].upos == nlp::Upos::kAdj);
    std::vector<std::optional<nlp::Upos>> known(words.size());
    known[5] = nlp::Upos::kNoun;
    const std::vector<nlp::ParsedWord> told = SharedParser().Parse(words, known);
    CHECK(told[5].upos == nlp::Upos::kNoun);
    CHECK(told[5].head == -1);  // the predicate noun of "is", the sentence's root
    CHECK(told[7].head == 5);   // "who served" is its relative clause
    CHECK(told[7].deprel == "acl:relcl");
}
