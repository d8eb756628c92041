// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// embed_cpp: a C++ host on the conversation runtime (chatcart/runtime.h).
// Conversations live in a store: SQLite on one machine (--db FILE), or any
// store by URL (--store redis://127.0.0.1:6379, memory:). Each run handles
// the shopper's messages (the arguments after the flags, else one per line
// on stdin) in conversation --session; the runtime loads it, applies each
// message once, and saves it with compare-and-set after every turn. Stop the
// program between two messages and run it again, here or on another machine
// sharing the Redis: the conversation continues where it was.
//
//   embed_cpp --bundle examples/bundles/demo --db /tmp/shop.db --session web-42
//       "I need a gift for my 6 year old under 40 euros"
//   embed_cpp --bundle examples/bundles/demo --db /tmp/shop.db --session web-42
//       "she loves lego"        (resumes: remembers the age and the budget)
//
// The engine reads no clock: the host passes each turn's time (here the
// wall clock, or --now for a reproducible run). A real host passes the
// webhook's message id; here each message's id is its turn number, so a run
// repeated with the same --now and messages is applied once.

#include <cstdint>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/engine.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"

namespace {

struct Flags {
  std::string bundle, store_url, session = "web-1";
  std::optional<int64_t> now;
  std::vector<std::string> messages;
};

bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string text;
    if (arg == "--bundle") {
      if (!value(&flags->bundle)) return false;
    } else if (arg == "--db") {
      if (!value(&text)) return false;
      flags->store_url = "sqlite:" + text;
    } else if (arg == "--store") {
      if (!value(&flags->store_url)) return false;
    } else if (arg == "--session") {
      if (!value(&flags->session)) return false;
    } else if (arg == "--now") {
      if (!value(&text)) return false;
      flags->now = std::stoll(text);
    } else if (arg.starts_with("--")) {
      return false;
    } else {
      flags->messages.emplace_back(arg);
    }
  }
  return !flags->bundle.empty() && !flags->store_url.empty();
}

int Fail(const absl::Status& status) {
  std::cerr << "embed_cpp: " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::cerr << "usage: embed_cpp --bundle DIR (--db FILE | --store URL) [--session ID] "
                 "[--now SECONDS] [message...]\n";
    return 2;
  }
  chatcart::ConversationsOptions options;
  absl::StatusOr<std::shared_ptr<const chatcart::Engine>> engine =
      chatcart::Engine::Create(flags.bundle);
  if (!engine.ok()) return Fail(engine.status());
  options.engine = *engine;
  absl::StatusOr<std::unique_ptr<chatcart::SessionStore>> store =
      chatcart::OpenSessionStore(flags.store_url);
  if (!store.ok()) return Fail(store.status());
  options.store = *std::move(store);
  absl::StatusOr<std::unique_ptr<chatcart::Conversations>> conversations =
      chatcart::Conversations::Create(std::move(options));
  if (!conversations.ok()) return Fail(conversations.status());

  // Where the conversation stands (the runtime would find it by itself; the
  // host looks only to say so).
  int64_t turns = 0;
  if (auto stored = (*conversations)->store().Load(flags.session); stored.ok()) {
    turns = stored->version;
    std::cout << "[resumed " << flags.session << ": " << turns << " turns, "
              << stored->value.size() << " bytes]\n";
  } else if (absl::IsNotFound(stored.status())) {
    std::cout << "[new session " << flags.session << "]\n";
  } else {
    return Fail(stored.status());
  }

  auto handle = [&](const std::string& text) -> absl::Status {
    // A reproducible clock for tests: --now plus ten seconds a turn.
    int64_t now = flags.now ? *flags.now + 10 * turns : static_cast<int64_t>(std::time(nullptr));
    chatcart::ConversationInput input;
    input.conversation_id = flags.session;
    input.message_id = flags.session + ":" + std::to_string(turns + 1);
    input.turn.set_text(text);
    input.turn.mutable_time()->set_seconds(now);
    absl::StatusOr<chatcart::ConversationOutput> out = (*conversations)->Handle(input);
    if (!out.ok()) return out.status();
    turns = out->version;
    std::cout << "> " << text << (out->duplicate ? "  [already applied]" : "") << "\n";
    for (const auto& reply : out->result.replies()) {
      std::cout << "  " << reply.text() << "\n";
      for (const auto& card : reply.products()) {
        std::cout << "    - " << card.name() << " (" << card.price_text() << ")\n";
      }
    }
    for (const auto& action : out->result.host_actions()) {
      std::cout << "  [host action: " << action.kind() << "]\n";
    }
    return absl::OkStatus();
  };

  if (!flags.messages.empty()) {
    for (const std::string& text : flags.messages) {
      if (absl::Status s = handle(text); !s.ok()) return Fail(s);
    }
  } else {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty()) continue;
      if (absl::Status s = handle(line); !s.ok()) return Fail(s);
    }
  }
  return 0;
}
