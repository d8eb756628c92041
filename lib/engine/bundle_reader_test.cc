// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/bundle_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart::engine {
namespace {

using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::StatusIs;
using ::testing::AllOf;
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

// Issue #22: bundle files stay inside the bundle, and only regular files of a
// bounded size are read, each refusal naming the bundle.textproto line.
constexpr char kCatalogBundle[] =
    "name: \"files\"\n"
    "store { currency: \"EUR\" locale: \"en\" }\n"
    "flow_files: \"flows.textproto\"\n"
    "catalog {\n"
    "  products: \"products.jsonl\"\n"
    "  mapping: \"mapping.textproto\"\n"
    "}\n";

TEST(ReadBundle, Issue22ASymlinkLeadingOutOfTheBundleIsRefused) {
  TempBundle bundle;
  bundle.Write("bundle.textproto", kCatalogBundle);
  bundle.Write("flows.textproto", "");
  bundle.Write("mapping.textproto", "");
  std::filesystem::create_symlink("/etc/passwd", bundle.dir() + "/products.jsonl");
  std::vector<std::string> errors;
  BundleSources sources = ReadBundle(bundle.dir(), &errors);
  EXPECT_THAT(errors, Contains(AllOf(HasSubstr("bundle.textproto:5: products.jsonl"),
                                     HasSubstr("leads outside the bundle"))));
  EXPECT_TRUE(sources.catalog_products.bytes.empty());
}

TEST(ReadBundle, Issue22ASymlinkInsideTheBundleIsFollowed) {
  TempBundle bundle;
  bundle.Write("bundle.textproto", kCatalogBundle);
  bundle.Write("flows.textproto", "");
  bundle.Write("mapping.textproto", "");
  bundle.Write("data/products-v2.jsonl", "{\"id\": \"a\"}\n");
  std::filesystem::create_symlink("data/products-v2.jsonl", bundle.dir() + "/products.jsonl");
  std::vector<std::string> errors;
  BundleSources sources = ReadBundle(bundle.dir(), &errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_EQ(sources.catalog_products.bytes, "{\"id\": \"a\"}\n");
}

TEST(ReadBundle, Issue22ADirectoryIsAnErrorNotAnEmptyCatalog) {
  TempBundle bundle;
  bundle.Write("bundle.textproto", kCatalogBundle);
  bundle.Write("flows.textproto", "");
  bundle.Write("mapping.textproto", "");
  std::filesystem::create_directory(bundle.dir() + "/products.jsonl");
  std::vector<std::string> errors;
  ReadBundle(bundle.dir(), &errors);
  EXPECT_THAT(errors, Contains(AllOf(HasSubstr("bundle.textproto:5: products.jsonl"),
                                     HasSubstr("is a directory, not a regular file"))));
}

TEST(ReadBundle, Issue22AFifoIsRefusedWithoutWaitingForAWriter) {
  TempBundle bundle;
  bundle.Write("bundle.textproto", kCatalogBundle);
  bundle.Write("flows.textproto", "");
  bundle.Write("mapping.textproto", "");
  const std::string fifo = bundle.dir() + "/products.jsonl";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::future<std::vector<std::string>> read = std::async(std::launch::async, [&] {
    std::vector<std::string> errors;
    ReadBundle(bundle.dir(), &errors);
    return errors;
  });
  if (read.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    ADD_FAILURE() << "reading a bundle whose products.jsonl is a FIFO hangs";
    // Unblock the reader: a writer comes and goes.
    const int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd >= 0) ::close(fd);
  }
  EXPECT_THAT(read.get(), Contains(AllOf(HasSubstr("bundle.textproto:5: products.jsonl"),
                                         HasSubstr("is a FIFO, not a regular file"))));
}

TEST(ReadBundle, Issue22ADeviceIsNeverRead) {
  // /dev/zero never ends; it is refused twice over (outside, not regular).
  TempBundle bundle;
  bundle.Write("bundle.textproto", kCatalogBundle);
  bundle.Write("flows.textproto", "");
  bundle.Write("mapping.textproto", "");
  std::filesystem::create_symlink("/dev/zero", bundle.dir() + "/products.jsonl");
  std::vector<std::string> errors;
  ReadBundle(bundle.dir(), &errors);
  EXPECT_THAT(errors, Contains(HasSubstr("leads outside the bundle")));
  EXPECT_THAT(ReadFileBytes("/dev/zero", "zero"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("zero: /dev/zero is a character device, not a regular file")));
}

TEST(ReadBundle, Issue22AFileAboveTheSizeLimitIsRefusedBeforeItIsRead) {
  TempBundle bundle;
  bundle.Write("ten.txt", "0123456789");
  bundle.Write("eleven.txt", "0123456789A");
  EXPECT_THAT(ReadFileBytes(bundle.dir() + "/ten.txt", "ten.txt", 10), IsOkAndHolds("0123456789"));
  EXPECT_THAT(ReadFileBytes(bundle.dir() + "/eleven.txt", "eleven.txt", 10),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("eleven.txt: 11 bytes, above the limit of 10 bytes")));
}

}  // namespace
}  // namespace chatcart::engine
