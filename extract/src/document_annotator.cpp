#include "document_annotator.h"

namespace kgraph::extract {

// Lower-case entries only: "Turing" in the list is a name, "scale" a word.
WordList EnglishWords(std::string_view list) {
    std::vector<std::string> words;
    while (!list.empty()) {
        const std::string_view line = list.substr(0, list.find('\n'));
        list.remove_prefix(std::min(line.size() + 1, list.size()));
        if (!line.empty() && line[0] >= 'a' && line[0] <= 'z' && line.find('\'') == std::string_view::npos) {
            words.emplace_back(line);
        }
    }
    return WordList(words);
}

namespace {

std::vector<bool> FurnitureLines(const std::vector<LineRole>& lines) {
    std::vector<bool> furniture(lines.size());
    for (std::size_t l = 0; l < lines.size(); ++l) furniture[l] = lines[l].furniture;
    return furniture;
}

}  // namespace

AnnotatedDocument::AnnotatedDocument(const Document& document, const DocumentAnnotator& stages)
    : document(document),
      text(JoinAfterAbbreviations(stages.segmenter_.Segment(document.text), stages.rules_.lexicon("legal_form"),
                                  stages.rules_.lexicon("person_title"), stages.rules_.lexicon("honorific"))),
      folded(text.tokens, stages.rules_.vocabulary()),
      lines(stages.furniture_.Classify(document.text, text, folded)),
      furniture_lines(FurnitureLines(lines)),
      found(stages.finder_.Find(text, folded, furniture_lines)),
      resolved(stages.resolver_.Resolve(found)),
      parses(stages.parses_.Annotate(text, folded, furniture_lines, found, resolved)),
      context(text, found, resolved, PageFurniture::HeadingOfLine(lines)) {}

DocumentAnnotator::DocumentAnnotator(const RuleSet& rules, const nlp::Parser& parser, TextSegmenter segmenter,
                                     WordList dictionary)
    : rules_(rules), segmenter_(std::move(segmenter)), dictionary_(std::move(dictionary)),
      parses_(parser,
              ParseTriggers{rules.syntax_trigger_forms(), rules.implicit_role_trigger_forms(),
                            rules.confirming_trigger_forms()},
              KnownWords{rules.lexicon("person_title"), rules.lexicon("title_modifier"), rules.present_verb_forms(),
                         rules.lexicon("honorific"), rules.lexicon("appoint_lemma")}),
      furniture_(rules.lexicon("page_furniture"), dictionary_),
      finder_(NameLexicons{&rules.lexicon("org_suffix"), &rules.lexicon("person_title"), &rules.lexicon("first_name"),
                           &rules.lexicon("given_name"),
                           &rules.lexicon("not_a_name"), &rules.lexicon("function_word"),
                           &rules.lexicon("stock_exchange"), &rules.lexicon("org_pronoun"),
                           &rules.lexicon("person_pronoun"), &rules.lexicon("reference_head"), &rules.lexicon("place"),
                           &rules.lexicon("honorific"), &rules.lexicon("name_of_head"),
                           &rules.lexicon("product_maker"), &rules.lexicon("legal_form"),
                           &rules.lexicon("name_particle"), &rules.lexicon("generation"), &rules.lexicon("located_word"),
                           &rules.lexicon("title_modifier"), &rules.lexicon("title_time"),
                           &rules.lexicon("part_word"), &dictionary_}),
      resolver_(rules.lexicon("org_suffix")),
      quantities_(HedgeLexicons{{{"more-than", &rules.lexicon("hedge_more_than")},
                                 {"less-than", &rules.lexicon("hedge_less_than")},
                                 {"up-to", &rules.lexicon("hedge_up_to")},
                                 {"approximately", &rules.lexicon("hedge_approximately")}}}) {}

}  // namespace kgraph::extract
