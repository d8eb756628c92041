// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as catalog JSON Lines through the demo's and the shoe shop's
// mappings (examples/bundles/{demo,scarpe}/products.mapping.textproto),
// strict and lenient. Checks: no crash; a catalog that loads finds each of
// its products by id, and by its own name among the first answers of
// FindByName.
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/catalog.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"
#include "google/protobuf/text_format.h"

const char chatcart::fuzz::kTarget[] = "catalog_jsonl_fuzzer";

namespace {

const std::vector<chatcart::v1::CatalogMapping>& Mappings() {
  static const auto* mappings = [] {
    auto* out = new std::vector<chatcart::v1::CatalogMapping>;
    for (const char* store : {"demo", "scarpe"}) {
      std::ifstream in(chatcart::testing::SourceDir() + "/examples/bundles/" + store +
                       "/products.mapping.textproto");
      std::stringstream text;
      text << in.rdbuf();
      chatcart::v1::CatalogMapping mapping;
      FUZZ_CHECK(google::protobuf::TextFormat::ParseFromString(text.str(), &mapping),
                 "an example mapping does not parse");
      out->push_back(std::move(mapping));
    }
    return out;
  }();
  return *mappings;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const chatcart::v1::CatalogMapping& mapping : Mappings()) {
    for (bool lenient : {false, true}) {
      chatcart::CatalogLoadOptions options;
      options.lenient = lenient;
      auto catalog = chatcart::Catalog::FromJsonlText(text, "fuzz.jsonl", mapping, options);
      if (!catalog.ok()) continue;
      const chatcart::Catalog& c = **catalog;
      for (chatcart::ProductIndex i = 0; i < c.size() && i < 64; ++i) {
        std::optional<chatcart::ProductIndex> found = c.FindById(c.id(i));
        FUZZ_CHECK(found.has_value(), "a product is not found by its id");
        FUZZ_CHECK(c.id(*found) == c.id(i), "FindById found another product");
        c.FindByName(c.product_name(i), chatcart::FindOptions{.limit = 3});
      }
    }
  }
  return 0;
}
