// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/bundle_reader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/testing/data.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::engine {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string DemoDir() { return chatcart::testing::SourceDir() + "/examples/bundles/demo"; }

TEST(ReadBundle, ReadsTheDemoBundle) {
  std::vector<std::string> errors;
  BundleSources sources = ReadBundle(DemoDir(), &errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_EQ(sources.bundle.name(), "demo");
  EXPECT_EQ(sources.templates.size(), 3u);
  EXPECT_EQ(sources.flows.size(), 1u);
  EXPECT_FALSE(sources.catalog_products.bytes.empty());
  EXPECT_FALSE(sources.cart_policy.bytes.empty());
}

TEST(ReadBundle, TheDemoFlowsAndTemplatesCompile) {
  std::vector<std::string> errors;
  BundleSources sources = ReadBundle(DemoDir(), &errors);
  ASSERT_THAT(errors, IsEmpty());
  std::vector<std::string> locales(sources.bundle.store().locale().begin(),
                                   sources.bundle.store().locale().end());
  dialogue::TemplateCatalog templates =
      dialogue::TemplateCatalog::Compile(sources.templates, locales, &errors);
  auto graph = dialogue::FlowGraph::Compile(sources.bundle, sources.bundle_source,
                                            std::move(sources.flows), templates, {}, &errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_GE(graph->flow_count(), 10);
}

class TempBundle {
 public:
  TempBundle() {
    dir_ = std::filesystem::temp_directory_path() /
           ("chatcart_bundle_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  ~TempBundle() { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

TEST(ReadBundle, ReportsEveryProblem) {
  TempBundle bundle;
  bundle.Write("bundle.textproto",
               "name: \"broken\"\n"
               "store { currency: \"EUR\" locale: \"en\" }\n"
               "flow_files: \"flows.textproto\"\n"
               "flow_files: \"../outside.textproto\"\n"
               "template_files: \"missing.textproto\"\n"
               "start_flow: \"main\"\n");
  bundle.Write("flows.textproto", "flow {\n  id: \"main\"\n  stat { id: \"x\" }\n}\n");
  std::vector<std::string> errors;
  ReadBundle(bundle.dir(), &errors);
  EXPECT_THAT(errors, Contains(HasSubstr("flows.textproto:3:")));
  EXPECT_THAT(errors, Contains(HasSubstr("\"../outside.textproto\" must be a relative path")));
  EXPECT_THAT(errors, Contains(HasSubstr("missing.textproto: cannot read file")));
}

TEST(ReadBundle, SaysWhenThereIsNoBundle) {
  std::vector<std::string> errors;
  ReadBundle("/nonexistent/bundle", &errors);
  EXPECT_THAT(errors, Contains(HasSubstr("bundle.textproto is missing")));
}

}  // namespace
}  // namespace chatcart::engine
