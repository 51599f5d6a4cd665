// Relation patterns over a sentence's dependency parse, in the manner of
// CoreNLP's Semgrex or spaCy's DependencyMatcher: a trigger word, and for each
// role the paths through the parse that lead from the trigger to the words
// filling it. Syntax (see docs/rules.md):
//
//   "syntax": {"trigger": "@lexicon", "upos": "NOUN PROPN",
//              "subj": ["SUBJ", "nmod:poss"], "obj": ["nmod[of]"]}
//
// A path is a list of steps separated by spaces, each taken from every word
// the previous step reached:
//
//   rel            a dependent attached by relation `rel` (alternatives
//                  "obl|obl:agent"); a full UD label, subtype included
//   rel[w1|w2]     the same, whose case or mark dependent is one of the words
//   <rel           the head, when the word is attached to it by `rel`;
//                  "<rel[w]" tests the word's own case or mark dependent
//   step{l1|@lex}  either kind of step, reaching only words whose lemma is
//                  one of the listed words or an entry of lexicon `lex`
//   SUBJ           the logical subject: the nsubj, else (for an xcomp, conj,
//                  advcl, or a "to" infinitive modifying a noun) the head's;
//                  an xcomp's is its head's object when it has one
//
// The key "unless" lists paths that veto the trigger when any of them
// reaches a word: "unless": ["<obj{@divest_lemma}"] keeps "sold its stake"
// from stating a stake.
//
// The words a path reaches become role fillers: a word inside a mention or
// quantity fills with that item; a relative pronoun stands for the noun its
// clause modifies ("Blackrock, which holds 4.48%"); an apposition stands for
// the name it renames, and a copula's predicate noun for its subject ("X is
// a developer founded by Y"); and conjuncts spread ("rivals AT&T and Verizon" fills
// with both). The roles `amount`, `percent` and `date` take quantities,
// every other role a mention. A role's paths are tried in order; the first
// that reaches a filler wins. Coordinated triggers share their arguments:
// when no path from "CEO" in "founder and CEO Marc Benioff" reaches a
// filler, the paths are tried again from the first conjunct, "founder"
// (and, between nouns, from later conjuncts too).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/status.h"
#include "lexicon.h"
#include "relation_pattern.h"
#include "sentence_items.h"
#include "sentence_parse.h"

namespace kgraph::extract {

// One parsed sentence as the patterns see it, built once for all of them.
struct ParseView {
    ParseView(const SentenceParse& parse, const SentenceItems& items, std::vector<int> item_of_word);
    // `forms` points into `folded`: a copy or a move would leave it pointing
    // into the original's strings.
    ParseView(const ParseView&) = delete;
    ParseView& operator=(const ParseView&) = delete;

    const SentenceParse& parse;
    const SentenceItems& items;
    std::vector<int> item_of_word;        // -1: a word hidden from the items
    std::vector<std::string> folded;      // each word's form, case-folded
    std::vector<std::string_view> forms;  // views of `folded`
    std::vector<std::string_view> lemmas;
};

class DependencyPattern {
public:
    // `spec_roles`: role name -> its paths, as written in the rules file.
    // `trigger`, `upos` and `unless` as in the rules file. Errors are
    // InvalidArgument naming the bad path or part of speech.
    static Result<DependencyPattern> Compile(const Lexicon& trigger, std::string_view upos,
                                             const std::vector<std::pair<std::string, std::vector<std::string>>>& spec_roles,
                                             const std::vector<std::string>& unless,
                                             const std::map<std::string, Lexicon>& lexicons, RoleTable& roles);

    // Every match in the sentence: one per trigger word and combination of
    // role fillers. A role that no path fills stays unbound. A match is
    // `negated` when its trigger says "no" ("has no stake") or a word of the
    // lexicon `denial_lemma` governs it through a complement, subject, object
    // or oblique ("denied that it was in talks to buy", "declined to invest",
    // "Rumours that X would take a stake proved unfounded"), not through an
    // adverbial clause ("shares declined after X agreed to buy Y"). A match
    // is `former` when a `former_word` modifies its trigger ("a former
    // client", "its former chief executive", "ex-CEO"). `starts`: the words,
    // in order, where a trigger may start (a lemma or folded form among
    // TriggerFirstWords()); no other word is tried.
    std::vector<PatternMatch> FindAll(const ParseView& view, const std::vector<int>& starts, std::size_t role_count) const;

    // The lower-case word forms that can be the trigger (its entries and their
    // inflections), for deciding which sentences are worth parsing.
    std::vector<std::string> TriggerForms() const;
    // For a trigger that is only a verb, the third person singular of its
    // words ("appoints", "buys"): a parser tags such a word after a name
    // ("OpenAI appoints ...") a plural noun as often as a verb.
    std::vector<std::string> PresentVerbForms() const;
    // The words a trigger starts with: FindAll finds nothing in a parse
    // where none of them is a lemma or a folded form.
    const WordSet& TriggerFirstWords() const { return trigger_->FirstWords(); }

    struct Step {
        enum class Kind { kDown, kUp, kSubject };
        Kind kind = Kind::kDown;
        std::vector<std::string> relations;
        std::vector<std::string> case_words;  // empty: any
        std::vector<std::string> lemmas;      // empty: any
        std::vector<const Lexicon*> lemma_lexicons;
        bool names_only = false;  // `{NAME}`: only words inside a name
    };
    using Path = std::vector<Step>;

private:
    struct RolePaths {
        int role = -1;
        bool quantity = false;
        std::vector<Path> paths;
    };
    std::vector<int> Triggers(const ParseView& view, const std::vector<int>& starts) const;
    std::vector<int> Fill(const ParseView& view, int trigger, const RolePaths& role) const;
    std::vector<int> FillShared(const ParseView& view, int trigger, const RolePaths& role) const;
    bool Vetoed(const ParseView& view, int trigger) const;
    bool Denied(const ParseView& view, int trigger) const;
    bool Former(const ParseView& view, int trigger) const;

    const Lexicon* trigger_ = nullptr;
    const Lexicon* denials_ = nullptr;  // lexicon `denial_lemma`, when the rules have it
    const Lexicon* formers_ = nullptr;  // lexicon `former_word`, when the rules have it
    std::vector<nlp::Upos> upos_;  // empty: any
    std::vector<RolePaths> roles_;
    std::vector<Path> unless_;
};

}  // namespace kgraph::extract
