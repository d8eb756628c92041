// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as cart commands (one chatcart.v1.CartCommand JSON a line) on two
// carts: under the example policy (examples/cart/policy.json) and under the
// same without its spending cap and quantity limit (where totals can
// overflow int64), with four variants priced and stocked in memory, one
// priced near the int64 limit. Checks (issue #22, all-or-nothing): a command that fails leaves
// the cart's bytes and version exactly as they were; after one that
// succeeds the cart prices, and Parse(Serialize()) gives the same bytes.
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/cart.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "chatcart/cart.h"
#include "chatcart/money.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"
#include "google/protobuf/util/json_util.h"

const char chatcart::fuzz::kTarget[] = "cart_commands_fuzzer";

namespace {

struct Shop {
  std::shared_ptr<const chatcart::CartPolicy> policy;
  std::shared_ptr<const chatcart::CartPolicy> uncapped;
  chatcart::InMemoryCatalog catalog;
};

const Shop& TheShop() {
  static const Shop* shop = [] {
    auto* s = new Shop;
    std::ifstream in(chatcart::testing::SourceDir() + "/examples/cart/policy.json");
    std::stringstream json;
    json << in.rdbuf();
    chatcart::v1::CartPolicy proto;
    FUZZ_CHECK(google::protobuf::util::JsonStringToMessage(json.str(), &proto).ok(),
               "the example policy does not parse");
    auto policy = chatcart::CartPolicy::Create(proto);
    FUZZ_CHECK(policy.ok(), "the example policy does not load");
    s->policy = *policy;
    proto.mutable_guardrails()->clear_spending_cap();
    proto.mutable_guardrails()->clear_max_quantity_per_line();
    auto uncapped = chatcart::CartPolicy::Create(proto);
    FUZZ_CHECK(uncapped.ok(), "the uncapped policy does not load");
    s->uncapped = *uncapped;
    auto price = [](std::string_view minor) {
      int64_t units = 0;
      for (char c : minor) units = units * 10 + (c - '0');
      return *chatcart::Money::FromMinorUnits(units, "USD");
    };
    s->catalog.Set("shirt", "shirt-m", {price("1999"), "Linen shirt, M", "apparel"}, 3);
    s->catalog.Set("book", "", {price("2450"), "A book", "books"});
    s->catalog.Set("book", "book-pb", {price("1200"), "Paperback", "books"}, 4);
    s->catalog.Set("gold", "", {price("922337203685477580"), "Gold bar", "apparel"});
    return s;
  }();
  return *shop;
}

void Run(const std::shared_ptr<const chatcart::CartPolicy>& policy, const Shop& shop,
         std::string_view bytes) {
  absl::StatusOr<chatcart::Cart> made = chatcart::Cart::Create(policy, "fuzz-cart");
  FUZZ_CHECK(made.ok(), "a new cart");
  chatcart::Cart cart = *std::move(made);
  const chatcart::CartSources sources{&shop.catalog, &shop.catalog};
  size_t start = 0;
  for (int commands = 0; start < bytes.size() && commands < 16; ++commands) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string line(bytes.substr(start, end - start));
    start = end + 1;
    chatcart::v1::CartCommand proto;
    if (!google::protobuf::util::JsonStringToMessage(line, &proto).ok()) continue;
    absl::StatusOr<chatcart::CartCommand> command = chatcart::CartCommandFromProto(proto);
    if (!command.ok()) continue;
    const std::string before = cart.Serialize();
    const uint64_t version = cart.version();
    absl::StatusOr<chatcart::ApplyResult> applied = cart.Apply(*command, sources);
    if (!applied.ok()) {
      FUZZ_CHECK(cart.Serialize() == before, "a failed command changed the cart");
      FUZZ_CHECK(cart.version() == version, "a failed command moved the version");
      continue;
    }
    FUZZ_CHECK(cart.Totals().ok(), "a cart a command left does not price");
    const std::string after = cart.Serialize();
    absl::StatusOr<chatcart::Cart> parsed = chatcart::Cart::Parse(policy, after);
    FUZZ_CHECK(parsed.ok(), "a cart's own bytes do not parse");
    FUZZ_CHECK(parsed->Serialize() == after, "Parse(Serialize()) changed the bytes");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Shop& shop = TheShop();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Run(shop.policy, shop, bytes);
  Run(shop.uncapped, shop, bytes);
  return 0;
}
