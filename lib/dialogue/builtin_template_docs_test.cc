// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// docs/BUNDLES.md lists the built-in templates as BuiltinTemplatesMarkdown()
// renders them. Run with CHATCART_UPDATE_DOCS=1 to rewrite that section after
// changing a built-in template.

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "dialogue/builtin_templates.h"
#include "gtest/gtest.h"

namespace chatcart::dialogue {
namespace {

constexpr char kBegin[] = "<!-- builtin-templates:begin (generated: see builtin_template_docs_test.cc) -->\n";
constexpr char kEnd[] = "<!-- builtin-templates:end -->";

TEST(BuiltinTemplateDocs, EveryTemplateIsDocumentedOnceAndEveryDocNamesATemplate) {
  std::set<std::string> ids;
  for (const BuiltinTemplate& t : BuiltinTemplates()) ids.emplace(t.id);
  std::set<std::string> documented;
  for (const BuiltinTemplateDoc& doc : BuiltinTemplateDocs()) {
    EXPECT_TRUE(documented.emplace(doc.id).second) << "documented twice: " << doc.id;
    EXPECT_TRUE(ids.count(std::string(doc.id))) << "no such template: " << doc.id;
  }
  for (const std::string& id : ids) EXPECT_TRUE(documented.count(id)) << "undocumented: " << id;
}

TEST(BuiltinTemplateDocs, EveryTemplateExistsInEnglishItalianAndFrench) {
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> ids;
  for (const BuiltinTemplate& t : BuiltinTemplates()) {
    seen.emplace(t.id, t.language);
    ids.emplace(t.id);
  }
  for (const std::string& id : ids) {
    for (const char* language : {"en", "it", "fr"}) {
      EXPECT_TRUE(seen.count({id, language})) << id << " has no " << language << " wording";
    }
  }
}

TEST(BuiltinTemplateDocs, BundlesMdListsThemAsGenerated) {
  const std::string path = std::string(CHATCART_SOURCE_DIR) + "/docs/BUNDLES.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string doc = buffer.str();
  const size_t begin = doc.find(kBegin);
  const size_t end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << path << " lacks the marker " << kBegin;
  ASSERT_NE(end, std::string::npos) << path << " lacks the marker " << kEnd;
  const std::string want = BuiltinTemplatesMarkdown();
  const std::string have = doc.substr(begin + sizeof(kBegin) - 1, end - begin - (sizeof(kBegin) - 1));
  if (have != want && std::getenv("CHATCART_UPDATE_DOCS") != nullptr) {
    doc.replace(begin + sizeof(kBegin) - 1, end - begin - (sizeof(kBegin) - 1), want);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_EQ(have, want) << "docs/BUNDLES.md is out of date: run the test with CHATCART_UPDATE_DOCS=1";
}

}  // namespace
}  // namespace chatcart::dialogue
