// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers for conversations with the demo store (examples/bundles/demo):
// its engine, loaded once and shared by the tests of a binary, and a
// Conversation whose turns come a minute apart; copies of the bundle to edit.
// What a turn showed and said is
// read with shopper_testing.h. For tests only (engine_test); header-only.

#ifndef CHATCART_ENGINE_DEMO_TESTING_H_
#define CHATCART_ENGINE_DEMO_TESTING_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/status/statusor.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

// The demo bundle's directory in the source tree.
inline std::string DemoDir() { return SourceDir() + "/examples/bundles/demo"; }

// A fresh copy of the demo bundle, for a test that edits its files: the
// directory `name` in the test's temporary directory, with the process id
// appended (ctest runs the tests of a binary in parallel processes, which
// may copy to one name); a copy left there before is removed first.
inline std::filesystem::path CopyOfDemo(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / (name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(DemoDir(), dir, std::filesystem::copy_options::recursive);
  return dir;
}

// The whole text of the file at `path` (empty when it cannot be read).
inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The demo bundle's engine, loaded once (null after a failed load, which
// fails the test).
inline const std::shared_ptr<const Engine>& Demo() {
  static auto* engine = [] {
    absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(DemoDir());
    EXPECT_OK(e);
    return new std::shared_ptr<const Engine>(e.ok() ? *e : nullptr);
  }();
  return *engine;
}

// A session of the demo store, its turns a minute apart from 2026-11-23 UTC.
class Conversation {
 public:
  explicit Conversation(uint64_t seed = 1) : session_(Demo()->NewSession("test", seed)) {}

  v1::TurnResult Say(const std::string& text) {
    v1::TurnInput input;
    input.set_text(text);
    return Run(input);
  }
  v1::TurnResult Pick(const std::string& payload) {
    v1::TurnInput input;
    input.set_payload(payload);
    return Run(input);
  }
  v1::TurnResult Run(v1::TurnInput& input) {
    input.mutable_time()->set_seconds(now_ += 60);
    absl::StatusOr<v1::TurnResult> result = session_->HandleTurn(input);
    EXPECT_OK(result) << input.ShortDebugString();
    return result.ok() ? *result : v1::TurnResult();
  }
  Session& session() { return *session_; }
  std::unique_ptr<Session>& session_ptr() { return session_; }
  int64_t now_ = 1795428000;

 private:
  std::unique_ptr<Session> session_;
};

}  // namespace chatcart::testing

#endif  // CHATCART_ENGINE_DEMO_TESTING_H_
