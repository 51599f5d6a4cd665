#include "model.h"

namespace kgraph::nlp {
namespace {

constexpr std::string_view kMagic("KGNLP\0\0\1", 8);

}  // namespace

std::string SerializeModel(const Model& model) {
    ByteWriter out;
    for (char c : kMagic) out.U8(static_cast<std::uint8_t>(c));
    model.tagger.Write(out);
    model.parser.Write(out);
    model.lemmatizer.Write(out);
    return out.bytes();
}

Result<Model> DeserializeModel(std::string_view bytes, std::string_view source) {
    if (!bytes.starts_with(kMagic)) {
        return Status::Corruption(std::string(source) + " is not a kgraph parser model of this version");
    }
    ByteReader in(bytes.substr(kMagic.size()));
    Model model;
    if (!Tagger::Read(in, &model.tagger) || !TransitionParser::Read(in, &model.parser) ||
        !Lemmatizer::Read(in, &model.lemmatizer) || !in.AtEnd()) {
        return Status::Corruption(std::string(source) + " is a truncated or damaged parser model");
    }
    return model;
}

}  // namespace kgraph::nlp
