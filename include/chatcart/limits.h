// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The maxima chatcart enforces on what hosts and shoppers hand it, checked
// before any work is done (docs/RELIABILITY.md, "Limits", lists these and the
// others: turn text, cart sizes, times, bundle files). Each is a compile-time
// constant of this release; an input beyond one is refused with
// RESOURCE_EXHAUSTED and a message naming what was refused, its size and the
// constant, e.g. "turn input JSON: 1048577 bytes, over the limit of 1048576
// (kMaxJsonBytes)". An input exactly at a limit is accepted.
//
// Thread safety: constants and a pure function.

#ifndef CHATCART_LIMITS_H_
#define CHATCART_LIMITS_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace chatcart {

// JSON text a public call parses into a protobuf message: ParseJson
// (wire.h), Session::HandleTurnJson, the C API's CHATCART_FORMAT_JSON inputs
// and the runtime's JSON requests. 1 MiB; a turn's text is cut far below it
// (EngineOptions::max_text_chars).
inline constexpr size_t kMaxJsonBytes = size_t{1} << 20;

// Nesting of JSON objects and arrays in the same inputs (brackets inside
// strings do not count). No chatcart message needs more than about ten.
inline constexpr int kMaxJsonDepth = 64;

// Binary protobuf a public call parses as an input message:
// Session::HandleTurnBytes, the C API's CHATCART_FORMAT_PROTO inputs, the
// runtime's binary requests. 1 MiB.
inline constexpr size_t kMaxProtoBytes = size_t{1} << 20;

// A session snapshot given to Engine::RestoreSession (and the C API's and
// the runtime's restores, which call it). 16 MiB; a demo session with a full
// cart snapshots to a few kilobytes.
inline constexpr size_t kMaxSnapshotBytes = size_t{16} << 20;

// One line of a catalog's JSON Lines (Catalog::LoadJsonl, FromJsonlText, a
// bundle's products.jsonl), without its line break. 1 MiB; a line beyond it
// fails the load, lenient or not, naming the file and line.
inline constexpr size_t kMaxCatalogLineBytes = size_t{1} << 20;

// The body of a channel webhook (channels::ParseWebhook: Messenger,
// WhatsApp, Twilio SMS, the web widget; `chatcart serve` reads no larger
// webhook). 1 MiB; Meta's and Twilio's are a few KiB. Refused before the
// signature is checked or anything is parsed.
inline constexpr size_t kMaxWebhookBytes = size_t{1} << 20;

// The JSON of a cart handed back whole (`chatcart cart apply --cart`, the
// form `cart apply` prints). 16 MiB, as a session snapshot (which holds a
// cart): a cart at the line limit with long titles prints to a few MiB.
inline constexpr size_t kMaxCartJsonBytes = size_t{16} << 20;

// An id a record is stored and found by: the runtime's conversation ids
// (ConversationInput::conversation_id, the session stores' ids and
// shoppers) and every id the desk takes (conversations, agents, skills,
// languages). 512 bytes. Unlike the limits above, an id beyond it is
// refused with INVALID_ARGUMENT, as any other malformed id is ("desk: the
// agent id is 513 bytes, over the limit of 512 (kMaxIdBytes)").
inline constexpr size_t kMaxIdBytes = 512;

// OK, or RESOURCE_EXHAUSTED naming `what` when `json` is over kMaxJsonBytes
// or nests objects and arrays deeper than kMaxJsonDepth. Linear; stops at the
// first level too deep. ParseJson (wire.h) calls it; so does every other
// place chatcart parses JSON it is handed.
absl::Status CheckJsonLimits(std::string_view json, std::string_view what);

}  // namespace chatcart

#endif  // CHATCART_LIMITS_H_
