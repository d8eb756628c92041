// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A desk over an in-memory store for tests, times as seconds from a fixed
// epoch, and helpers to read events.

#ifndef CHATCART_DESK_DESK_TEST_UTIL_H_
#define CHATCART_DESK_DESK_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "gtest/gtest.h"

namespace chatcart::desk_testing {

// Seconds after 2026-11-18 (any fixed epoch will do).
inline absl::Time T(int64_t seconds) { return absl::FromUnixSeconds(1795000000 + seconds); }

inline std::vector<v1::DeskEvent::Kind> Kinds(const v1::DeskUpdate& u) {
  std::vector<v1::DeskEvent::Kind> out;
  for (const v1::DeskEvent& e : u.events()) out.push_back(e.kind());
  return out;
}

inline std::vector<v1::DeskEvent> Of(const v1::DeskUpdate& u, v1::DeskEvent::Kind kind) {
  std::vector<v1::DeskEvent> out;
  for (const v1::DeskEvent& e : u.events()) {
    if (e.kind() == kind) out.push_back(e);
  }
  return out;
}

class DeskFixture : public ::testing::Test {
 protected:
  DeskFixture() { Reset({}); }

  void Reset(DeskOptions options) {
    store_ = NewInMemoryDeskStore();
    auto desk = Desk::Create(store_, std::move(options));
    ASSERT_TRUE(desk.ok()) << desk.status();
    desk_ = *std::move(desk);
  }

  // An agent, online at `at` seconds.
  void Agent(const std::string& id, const std::string& name, int64_t at = 0, int capacity = 0,
             std::vector<std::string> skills = {}, std::vector<std::string> languages = {}) {
    ASSERT_TRUE(desk_->SetAgent({.id = id, .name = name, .skills = std::move(skills),
                                 .languages = std::move(languages), .capacity = capacity},
                                T(at))
                    .ok());
    ASSERT_TRUE(desk_->SetAvailability(id, v1::DeskAgent::ONLINE, T(at)).ok());
  }

  // An English conversation asking for a person at `at` seconds.
  absl::StatusOr<v1::DeskUpdate> Queue(const std::string& id, int64_t at = 0) {
    return desk_->RequestAgent({.conversation_id = id, .language = "en"}, T(at));
  }

  std::shared_ptr<DeskStore> store_;
  std::unique_ptr<Desk> desk_;
};

}  // namespace chatcart::desk_testing

#endif  // CHATCART_DESK_DESK_TEST_UTIL_H_
