// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as the bundle.textproto of a copy of the demo bundle (its other
// files copied once into a fresh temporary directory), through
// Engine::Create. Checks: no crash, no hang, no exception; a failure is an
// error with a message; a bundle that loads starts a session that answers
// "hi". Replayed by channels_replay_main.cc over tests/fuzz/corpus/bundle.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"

const char chatcart::fuzz::kTarget[] = "bundle_file_fuzzer";

namespace {

// A private copy of the demo bundle's files.
const std::string& Copy() {
  static const std::string* dir = [] {
    std::string templ =
        (std::filesystem::temp_directory_path() / "chatcart-bundle-fuzz-XXXXXX").string();
    FUZZ_CHECK(mkdtemp(templ.data()) != nullptr, "no temporary directory");
    std::filesystem::copy(chatcart::testing::SourceDir() + "/examples/bundles/demo", templ,
                          std::filesystem::copy_options::recursive);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(Copy(), ignored);
    });
    return new std::string(templ);
  }();
  return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& dir = Copy();
  {
    std::ofstream out(dir + "/bundle.textproto", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  absl::StatusOr<std::shared_ptr<const chatcart::Engine>> engine = chatcart::Engine::Create(dir);
  if (!engine.ok()) {
    FUZZ_CHECK(!engine.status().message().empty(), "a failed load says nothing");
    return 0;
  }
  std::unique_ptr<chatcart::Session> session = (*engine)->NewSession("fuzz", 1);
  chatcart::v1::TurnInput in;
  in.set_text("hi");
  in.mutable_time()->set_seconds(1795000000);
  FUZZ_CHECK(session->HandleTurn(in).ok(), "a loaded bundle does not answer \"hi\"");
  return 0;
}
