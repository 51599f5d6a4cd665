// Everything Parser::Parse needs, and the model file that holds it.
//
// File layout (little-endian): the 8-byte magic "KGNLP\0\0\1" (the last byte
// is the format version), then the tagger, the parser and the lemmatizer as
// their Write methods lay them out, then nothing.
#pragma once

#include <string>
#include <string_view>

#include "kgraph/status.h"
#include "lemmatizer.h"
#include "tagger.h"
#include "transition_parser.h"

namespace kgraph::nlp {

class Model {
public:
    Tagger tagger;
    TransitionParser parser;
    Lemmatizer lemmatizer;
};

std::string SerializeModel(const Model& model);
// Corruption (with `source` in the message) unless `bytes` is a whole model.
Result<Model> DeserializeModel(std::string_view bytes, std::string_view source);

}  // namespace kgraph::nlp
