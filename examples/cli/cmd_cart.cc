// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart cart apply`: scripts a cart without writing C++. Reads cart
// commands as JSON lines on stdin (the protobuf JSON mapping of
// chatcart.v1.CartCommand), applies each, and prints one JSON line per command:
// a chatcart.v1.CartApplyResponse with the cart and its totals, or the error
// (code and message). Exits 0 unless its own input is malformed (a line that
// is not a CartCommand, an unreadable file): then 2, after the lines before.
//
// `chatcart cart replay`: rebuilds a cart from an event log written by
// `cart apply --events` and prints it with its totals.
//
// Inputs are held to chatcart/limits.h (#22): each JSON line (commands,
// --catalog rows, --events) to kMaxJsonBytes and kMaxJsonDepth, --policy to
// kMaxJsonBytes, --cart to kMaxCartJsonBytes; beyond one the error names the
// limit, and no more than the limit is read into memory.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/cart.h"
#include "chatcart/limits.h"
#include "chatcart/money.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart.pb.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "command.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "simdjson.h"

namespace chatcart::cli {
namespace {

constexpr char kDefaultPolicy[] = R"({"currency": "USD"})";

// Reads at most `max_bytes` + 1 bytes of `path` (so a huge file is not held
// in memory): "" when they are all of it, else why not (unreadable, or over
// the limit, naming it).
std::string ReadFileAtMost(const std::string& path, size_t max_bytes, std::string_view limit_name,
                           std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read it";
  out->assign(max_bytes + 1, '\0');
  in.read(out->data(), static_cast<std::streamsize>(out->size()));
  out->resize(static_cast<size_t>(in.gcount()));
  if (out->size() <= max_bytes) return "";
  return absl::StrCat("over the limit of ", max_bytes, " bytes (", std::string(limit_name), ")");
}

// One line of `in` (without its break) into *line, holding at most
// kMaxJsonBytes + 1 bytes of it: false at the end of input. *length is the
// line's whole length, so a longer one is refused naming its size without
// being held.
bool ReadLine(std::istream& in, std::string* line, size_t* length) {
  line->clear();
  *length = 0;
  int c;
  bool any = false;
  while ((c = in.get()) != EOF) {
    any = true;
    if (c == '\n') return true;
    if (*length <= kMaxJsonBytes) line->push_back(static_cast<char>(c));
    ++*length;
  }
  return any;
}

// "" for a line within chatcart/limits.h's JSON limits, else the refusal.
std::string LineLimits(std::string_view line, size_t length) {
  if (length > kMaxJsonBytes) {
    return absl::StrCat(length, " bytes, over the limit of ", kMaxJsonBytes, " (kMaxJsonBytes)");
  }
  absl::Status limits = CheckJsonLimits(line, "the line");
  return limits.ok() ? "" : std::string(limits.message());
}

// The first 200 bytes of a message (never inside a UTF-8 sequence) and
// "…": protobuf's JSON parser quotes a bad value whole (a 1 MB id made a
// 1 MB error line, #22).
std::string Short(std::string message) {
  constexpr size_t kMax = 200;
  if (message.size() <= kMax) return message;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
  message.resize(cut);
  return message + "\u2026";
}

// Parses protobuf JSON; on failure returns the parser's message, cut short.
// The parser quotes the input around the error, ill-formed bytes included,
// so JSON that is not UTF-8 (RFC 8259 says it must be) is refused before it
// is parsed and the message is well-formed (#22). chatcart::ParseJson
// (wire.h) echoes the same way, but holds the JSON to kMaxJsonBytes, and a
// --cart may be larger.
std::string ParseJson(const std::string& json, google::protobuf::Message* message) {
  if (!simdjson::validate_utf8(json)) return "the JSON is not well-formed UTF-8";
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(json, message, options);
  return status.ok() ? "" : Short(std::string(status.message()));
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

std::string StringField(const google::protobuf::Struct& object, const std::string& name) {
  auto it = object.fields().find(name);
  return it == object.fields().end() ? "" : it->second.string_value();
}

// --catalog: JSON lines {"product_id", "sku", "price" (a decimal string),
// "title", "category", "available" (absent: untracked)}.
bool LoadCatalog(const std::string& path, std::string_view currency, InMemoryCatalog* catalog) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "chatcart cart apply: cannot read --catalog %s\n", path.c_str());
    return false;
  }
  std::string line;
  size_t length = 0;
  for (int number = 1; ReadLine(in, &line, &length); ++number) {
    if (length <= kMaxJsonBytes && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    google::protobuf::Struct object;
    std::string error = LineLimits(line, length);
    if (error.empty()) error = ParseJson(line, &object);
    absl::StatusOr<Money> price = Money::Parse(StringField(object, "price"), currency);
    const std::string product_id = StringField(object, "product_id");
    if (error.empty() && product_id.empty()) error = "needs a product_id";
    if (error.empty() && !price.ok()) error = std::string(price.status().message());
    if (!error.empty()) {
      std::fprintf(stderr, "chatcart cart apply: %s:%d: %s\n", path.c_str(), number, error.c_str());
      return false;
    }
    int64_t available = StockSource::kUntracked;
    if (auto it = object.fields().find("available"); it != object.fields().end()) {
      available = static_cast<int64_t>(it->second.number_value());
    }
    catalog->Set(product_id, StringField(object, "sku"),
                 PriceQuote{*price, StringField(object, "title"), StringField(object, "category")},
                 available);
  }
  return true;
}

std::shared_ptr<const CartPolicy> LoadPolicy(const std::optional<std::string>& path,
                                             const char* command) {
  std::string json = kDefaultPolicy;
  if (path.has_value()) {
    if (std::string error = ReadFileAtMost(*path, kMaxJsonBytes, "kMaxJsonBytes", &json);
        !error.empty()) {
      std::fprintf(stderr, "chatcart %s: --policy %s: %s\n", command, path->c_str(), error.c_str());
      return nullptr;
    }
  }
  absl::StatusOr<std::shared_ptr<const CartPolicy>> policy = CartPolicy::FromJson(json);
  if (!policy.ok()) {
    std::fprintf(stderr, "chatcart %s: %s: %s\n", command, path.value_or("default policy").c_str(),
                 std::string(policy.status().message()).c_str());
    return nullptr;
  }
  return *policy;
}

int RunCartApply(Args& args) {
  const std::optional<std::string> policy_path = args.Value("policy");
  const std::optional<std::string> cart_path = args.Value("cart");
  const std::string cart_id = args.ValueOr("cart-id", "cli-cart");
  const std::optional<std::string> catalog_path = args.Value("catalog");
  const std::optional<std::string> events_path = args.Value("events");
  if (std::string error = args.Finish(); !error.empty() || !args.Positional().empty()) {
    std::fprintf(stderr,
                 "chatcart cart apply: %s\nusage: chatcart cart apply [--policy policy.json] "
                 "[--cart cart.json | --cart-id ID] [--catalog catalog.jsonl] "
                 "[--events events.jsonl] < commands.jsonl\n",
                 error.empty() ? "unexpected arguments" : error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const CartPolicy> policy = LoadPolicy(policy_path, "cart apply");
  if (policy == nullptr) return kExitUsage;

  std::optional<Cart> cart;
  if (cart_path.has_value()) {
    std::string json;
    v1::Cart proto;
    std::string error = ReadFileAtMost(*cart_path, kMaxCartJsonBytes, "kMaxCartJsonBytes", &json);
    if (error.empty()) error = ParseJson(json, &proto);
    absl::StatusOr<Cart> restored =
        error.empty() ? Cart::FromProto(policy, proto) : absl::InvalidArgumentError(error);
    if (!restored.ok()) {
      std::fprintf(stderr, "chatcart cart apply: --cart %s: %s\n", cart_path->c_str(),
                   std::string(restored.status().message()).c_str());
      return kExitUsage;
    }
    cart = *std::move(restored);
  } else {
    cart = Cart::Create(policy, cart_id).value();
  }

  InMemoryCatalog catalog;
  CartSources sources;
  if (catalog_path.has_value()) {
    if (!LoadCatalog(*catalog_path, policy->currency(), &catalog)) return kExitUsage;
    sources = {&catalog, &catalog};
  }
  std::ofstream events;
  if (events_path.has_value()) {
    events.open(*events_path, std::ios::app);
    if (!events) {
      std::fprintf(stderr, "chatcart cart apply: cannot write --events %s\n", events_path->c_str());
      return kExitUsage;
    }
  }

  std::string line;
  size_t length = 0;
  for (int number = 1; ReadLine(std::cin, &line, &length); ++number) {
    if (length <= kMaxJsonBytes && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (std::string error = LineLimits(line, length); !error.empty()) {
      std::fprintf(stderr, "chatcart cart apply: stdin:%d: not a CartCommand: %s\n", number,
                   error.c_str());
      return kExitUsage;
    }
    v1::CartCommand proto;
    if (std::string error = ParseJson(line, &proto); !error.empty()) {
      std::fprintf(stderr, "chatcart cart apply: stdin:%d: not a CartCommand: %s\n", number,
                   error.c_str());
      return kExitUsage;
    }
    absl::StatusOr<CartCommand> command = CartCommandFromProto(proto);
    absl::StatusOr<ApplyResult> result = command.ok()
                                             ? cart->Apply(*command, sources)
                                             : absl::StatusOr<ApplyResult>(command.status());
    v1::CartApplyResponse response;
    CartApplyResponseToProto(*cart, result, &response);
    std::printf("%s\n", ToJson(response).c_str());
    if (events.is_open() && result.ok() && result->event.has_value()) {
      events << ToJson(response.event()) << "\n";
    }
  }
  std::fflush(stdout);
  return kExitOk;
}

int RunCartReplay(Args& args) {
  const std::optional<std::string> policy_path = args.Value("policy");
  const std::optional<std::string> events_path = args.Value("events");
  std::optional<std::string> cart_id = args.Value("cart-id");
  if (std::string error = args.Finish(); !error.empty() || !events_path.has_value()) {
    std::fprintf(stderr,
                 "chatcart cart replay: %s\nusage: chatcart cart replay --events events.jsonl "
                 "[--policy policy.json] [--cart-id ID]\n",
                 error.empty() ? "--events is required" : error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const CartPolicy> policy = LoadPolicy(policy_path, "cart replay");
  if (policy == nullptr) return kExitUsage;
  std::ifstream in(*events_path);
  if (!in) {
    std::fprintf(stderr, "chatcart cart replay: cannot read --events %s\n", events_path->c_str());
    return kExitUsage;
  }
  std::vector<CartEvent> log;
  std::string line;
  size_t length = 0;
  for (int number = 1; ReadLine(in, &line, &length); ++number) {
    if (length <= kMaxJsonBytes && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    v1::CartEvent proto;
    std::string error = LineLimits(line, length);
    if (error.empty()) error = ParseJson(line, &proto);
    absl::StatusOr<CartEvent> event =
        error.empty() ? CartEventFromProto(proto) : absl::InvalidArgumentError(error);
    if (!event.ok()) {
      std::fprintf(stderr, "chatcart cart replay: %s:%d: %s\n", events_path->c_str(), number,
                   std::string(event.status().message()).c_str());
      return kExitUsage;
    }
    log.push_back(*std::move(event));
  }
  if (!cart_id.has_value()) cart_id = log.empty() ? "cli-cart" : log.front().cart_id;
  absl::StatusOr<Cart> cart = Cart::Replay(policy, *cart_id, log);
  if (!cart.ok()) {
    std::fprintf(stderr, "chatcart cart replay: %s\n",
                 std::string(cart.status().message()).c_str());
    return kExitFailure;
  }
  ApplyResult none;
  none.version = cart->version();
  v1::CartApplyResponse response;
  CartApplyResponseToProto(*cart, none, &response);
  std::printf("%s\n", ToJson(response).c_str());
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    cart_apply, {.name = "cart apply",
                 .summary = "Applies cart commands (JSON lines on stdin), one JSON result per line",
                 .run = RunCartApply,
                 .flags = {{"policy", kValue, "FILE", "the cart policy, JSON"},
                           {"cart", kValue, "FILE", "the cart to start from, JSON"},
                           {"cart-id", kValue, "ID", "the new cart's id (default cli-cart)"},
                           {"catalog", kValue, "FILE", "a catalog of prices and stock, JSON Lines"},
                           {"events", kValue, "FILE", "appends each change to this event log"}},
                 .example = "chatcart cart apply --policy policy.json < commands.jsonl"});
CHATCART_CLI_COMMAND(
    cart_replay, {.name = "cart replay",
                  .summary = "Rebuilds a cart from an event log written by `cart apply --events`",
                  .run = RunCartReplay,
                  .flags = {{"events", kValue, "FILE", "the event log (required)"},
                            {"policy", kValue, "FILE", "the cart policy, JSON"},
                            {"cart-id", kValue, "ID", "the cart to rebuild"}},
                  .example = "chatcart cart replay --events events.jsonl --policy policy.json"});

}  // namespace
}  // namespace chatcart::cli
