// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Sessions: turns on a working copy committed on success, snapshots and
// restores, shopper profiles.

#include "chatcart/session.h"

#include <optional>
#include <utility>
#include <variant>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cart/validate.h"
#include "chatcart/engine.h"
#include "chatcart/limits.h"
#include "common/locale.h"
#include "common/status_macros.h"
#include "common/time.h"
#include "common/wire_utf8.h"
#include "dialogue/dialogue_snapshot.h"
#include "engine/commerce.h"
#include "engine/engine_rep.h"
#include "engine/scrub.h"
#include "engine/session_restore.h"
#include "engine/understand.h"
#include "engine/wire.h"
#include "google/protobuf/arena.h"
#include "text/utf8.h"
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart {

using engine_internal::EngineRep;
using engine_internal::SessionRep;

namespace {

// The snapshot format this release writes and reads.
constexpr uint32_t kSnapshotFormat = 1;
// The checksum field: tag (15 << 3 | fixed64) and 8 little-endian bytes.
constexpr char kChecksumTag = static_cast<char>((15 << 3) | 1);
constexpr size_t kChecksumBytes = 9;

void AppendChecksum(std::string* bytes) {
  uint64_t hash = XXH3_64bits(bytes->data(), bytes->size());
  bytes->push_back(kChecksumTag);
  for (int i = 0; i < 8; ++i) bytes->push_back(static_cast<char>((hash >> (8 * i)) & 0xff));
}

bool ChecksumHolds(std::string_view bytes) {
  if (bytes.size() < kChecksumBytes || bytes[bytes.size() - kChecksumBytes] != kChecksumTag) {
    return false;
  }
  uint64_t stored = 0;
  for (int i = 0; i < 8; ++i) {
    stored |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[bytes.size() - 8 + i]))
              << (8 * i);
  }
  return stored == XXH3_64bits(bytes.data(), bytes.size() - kChecksumBytes);
}

// Fills the slots a profile remembers, so known answers are not asked again.
absl::Status PreloadProfile(const EngineRep& engine, const v1::ShopperProfile& profile,
                            dialogue::DialogueState* dialogue) {
  for (const v1::ProfileEntry& entry : profile.entries()) {
    for (const auto& [key, slot] : engine.profile_slots) {
      if (key != entry.key()) continue;
      absl::StatusOr<dialogue::SlotValue> value = dialogue::SlotFromProto(entry.value());
      if (!value.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("profile entry \"", key, "\": ", value.status().message()));
      }
      auto type = engine.graph->slot_types().find(slot);
      if (type != engine.graph->slot_types().end() && type->second == value->type) {
        dialogue->slots[slot] = *std::move(value);
      }
    }
  }
  if (!profile.language().empty() && dialogue->language.empty()) {
    dialogue->language = profile.language();
  }
  return absl::OkStatus();
}

}  // namespace

// ---------------------------------------------------------------- Engine

std::unique_ptr<Session> Engine::NewSession(std::string_view id, uint64_t seed) const {
  auto rep = std::make_unique<SessionRep>();
  rep->engine = self_.lock();
  rep->id = std::string(id);
  engine::ScrubUtf8InPlace(&rep->id);  // the snapshot keeps it (#22)
  rep->dialogue.random = seed;
  rep->commerce.session_id = rep->id;
  rep->commerce.order_seed = dialogue::NextRandom(&seed);
  return std::unique_ptr<Session>(new Session(std::move(rep)));
}

absl::StatusOr<std::unique_ptr<Session>> Engine::RestoreSession(std::string_view bytes) const {
  if (bytes.size() > kMaxSnapshotBytes) {
    return absl::ResourceExhaustedError(absl::StrCat("session snapshot: ", bytes.size(),
                                                     " bytes, over the limit of ",
                                                     kMaxSnapshotBytes, " (kMaxSnapshotBytes)"));
  }
  // An arena: a snapshot parses into dozens of small messages and strings,
  // freed at once.
  google::protobuf::Arena arena;
  v1::SessionSnapshot& snapshot = *google::protobuf::Arena::CreateMessage<v1::SessionSnapshot>(&arena);
  if (ChecksumHolds(bytes)) {
    // Before parsing: protobuf would log an ERROR line for an ill-formed
    // string (#22).
    if (std::string field = IllFormedUtf8Field(*v1::SessionSnapshot::descriptor(), bytes);
        !field.empty()) {
      return absl::DataLossError(absl::StrCat("session snapshot of ", bytes.size(),
                                              " bytes is corrupted: ", field,
                                              " is not well-formed UTF-8"));
    }
  }
  if (!ChecksumHolds(bytes) ||
      !snapshot.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError(
        absl::StrCat("session snapshot of ", bytes.size(), " bytes is truncated or corrupted"));
  }
  if (snapshot.format() == 0 || snapshot.format() > kSnapshotFormat) {
    return absl::FailedPreconditionError(absl::StrCat(
        "session snapshot format ", snapshot.format(), " is not one this release reads (",
        kSnapshotFormat, ")"));
  }
  if (snapshot.bundle().name() != rep_->identity.name) {
    return absl::FailedPreconditionError(
        absl::StrCat("session snapshot is of bundle \"", snapshot.bundle().name(),
                     "\", this engine runs \"", rep_->identity.name, "\""));
  }
  auto rep = std::make_unique<SessionRep>();
  rep->engine = self_.lock();
  rep->id = snapshot.session_id();
  // Notes of an earlier restore not yet told come first (#22).
  std::vector<v1::RestoreNote>& notes = rep->restore_notes;
  notes.assign(snapshot.pending_restore_notes().begin(), snapshot.pending_restore_notes().end());
  absl::StatusOr<dialogue::DialogueState> dialogue =
      dialogue::DialogueFromProto(*rep_->graph, snapshot.dialogue(), &notes);
  if (!dialogue.ok()) return dialogue.status();
  rep->dialogue = *std::move(dialogue);
  engine::FitProductsToCatalog(*rep_, &rep->dialogue, &notes);
  rep->commerce.session_id = rep->id;
  rep->commerce.order_seed = snapshot.order_seed();
  rep->commerce.assisted_by.assign(snapshot.assisted_by().begin(), snapshot.assisted_by().end());
  rep->commerce.profile = snapshot.profile();
  if (snapshot.has_cart()) {
    // What corrupt bytes break fails first, whatever the bundle; what a new
    // version of the bundle no longer has is dropped after.
    absl::StatusOr<CartState> state = CartStateFromProto(snapshot.cart());
    absl::Status shape = state.ok() ? cart_internal::ValidateStateShape(*state) : state.status();
    if (!shape.ok()) {
      return absl::DataLossError(absl::StrCat("session snapshot: cart: ", shape.message()));
    }
    if (rep_->cart_policy == nullptr) {
      for (const CartLine& line : state->lines) {
        v1::RestoreNote* note = &notes.emplace_back();
        note->set_kind("cart_line");
        note->set_subject(line.product_id);
        note->set_detail("this bundle has no cart policy: removed");
        note->set_title(line.title);
      }
      v1::RestoreNote* note = &notes.emplace_back();
      note->set_kind("cart");
      note->set_subject(state->id);
      note->set_detail("this bundle has no cart policy: the cart is dropped");
    } else {
      engine::FitCartToBundle(*rep_, &*state, &notes);
      absl::StatusOr<Cart> cart = Cart::FromState(rep_->cart_policy, *std::move(state));
      if (!cart.ok()) {
        return absl::DataLossError(
            absl::StrCat("session snapshot: cart: ", cart.status().message()));
      }
      rep->commerce.cart = *std::move(cart);
    }
  }
  for (const v1::Order& proto : snapshot.orders()) {
    absl::StatusOr<Order> order = Order::FromProto(proto);
    if (!order.ok()) {
      return absl::DataLossError(
          absl::StrCat("session snapshot: order: ", order.status().message()));
    }
    rep->commerce.orders.push_back(*std::move(order));
  }
  return std::unique_ptr<Session>(new Session(std::move(rep)));
}

// ---------------------------------------------------------------- Session

Session::Session(std::unique_ptr<SessionRep> rep) : rep_(std::move(rep)) {}
Session::~Session() = default;

const std::string& Session::id() const { return rep_->id; }
const Engine& Session::engine() const { return *rep_->engine; }

namespace {

// "I've read $30.00 as €30.00, the currency we sell in.": said first, so
// the shopper knows which budget the replies after it use (#16: another
// currency is never an error).
void SayCurrencyAssumed(const engine_internal::EngineRep& engine,
                        const engine::UnderstandNotes& notes, v1::TurnResult* result) {
  if (engine.templates == nullptr) return;
  const std::string& locale = engine.templates->LocaleFor(result->language());
  const std::vector<dialogue::Template>* variants =
      engine.templates->Find(locale, "chatcart.currency_assumed");
  if (variants == nullptr || variants->empty()) return;
  absl::StatusOr<std::string> amount = notes.currency_read->Format(locale);
  absl::StatusOr<std::string> said = notes.currency_said->Format(locale);
  v1::Reply reply;
  reply.set_template_id("chatcart.currency_assumed");
  reply.set_text(variants->front().Render(
      engine.templates->Format(locale),
      {{"said", said.ok() ? *said : notes.currency_said->ToString()},
       {"amount", amount.ok() ? *amount : notes.currency_read->ToString()}}));
  auto* replies = result->mutable_replies();
  replies->Add(std::move(reply));
  for (int i = replies->size() - 1; i > 0; --i) replies->SwapElements(i, i - 1);
}

absl::Status TurnTimeInRange(const v1::TurnInput& input) {
  if (input.time().nanos() < 0 || input.time().nanos() > 999'999'999) {
    return absl::InvalidArgumentError(
        absl::StrCat("turn input: time.nanos ", input.time().nanos(), " outside [0, 999999999]"));
  }
  if (input.time().seconds() < kMinTimestampSeconds ||
      input.time().seconds() > kMaxTimestampSeconds) {
    return absl::InvalidArgumentError(absl::StrCat(
        "turn input: time.seconds ", input.time().seconds(), " outside [", kMinTimestampSeconds,
        ", ", kMaxTimestampSeconds, "] (0001-01-01..9999-12-31)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::TurnResult> Session::HandleTurn(const v1::TurnInput& input) {
  const EngineRep& engine = rep_->engine->rep();
  if (input.text().empty() && input.payload().empty() && input.event().kind().empty()) {
    return absl::InvalidArgumentError("a turn needs text, a quick-reply payload or an event");
  }
  v1::TurnInput in = input;
  // What the turn stores (event params become slots, a region, a buyer...)
  // must fit the snapshot: every string well-formed UTF-8, the time one a
  // Timestamp can hold (#22).
  engine::ScrubMessageUtf8(&in);
  CHATCART_RETURN_IF_ERROR(TurnTimeInRange(in));
  bool cut = false;
  if (!in.text().empty()) {
    size_t keep = text::Utf8PrefixBytes(in.text(), engine.max_text_chars);
    if (keep < in.text().size()) {
      in.mutable_text()->resize(keep);
      cut = true;
    }
  }
  // The host's locale hint, when the bundle speaks it, stands for the
  // session's language; the text may still clearly change it.
  std::string language = rep_->dialogue.language;
  if (std::string hint(LocaleLanguage(in.locale_hint())); !hint.empty()) {
    absl::AsciiStrToLower(&hint);
    for (const std::string& locale : engine.locales) {
      if (LocaleSpeaks(locale, hint)) language = hint;
    }
  }
  dialogue::Understanding understanding;
  engine::UnderstandNotes notes;
  if (!in.text().empty() && in.payload().empty() && in.event().kind().empty()) {
    understanding = engine::Understand(engine, in.text(), language, &notes);
  } else {
    understanding.language = language;
  }
  understanding.truncated = understanding.truncated || cut;

  // All or nothing: the turn runs on copies, committed only on success.
  dialogue::DialogueState dialogue = rep_->dialogue;
  engine_internal::CommerceState commerce = rep_->commerce;
  engine::CommerceExecutor executor(engine, commerce, in);
  CHATCART_RETURN_IF_ERROR(executor.ApplyOrderEvent());
  v1::TurnResult result;
  CHATCART_RETURN_IF_ERROR(engine.runtime->HandleTurn(in, understanding, executor, dialogue, &result));
  if (notes.currency_read.has_value()) SayCurrencyAssumed(engine, notes, &result);
  if (!rep_->restore_notes.empty()) {
    engine::TellRestoreNotes(engine, rep_->restore_notes,
                             commerce.cart.has_value() ? &*commerce.cart : nullptr, &result);
  }
  for (const dialogue::Entity& entity : understanding.entities) {
    v1::TraceEntity* e = result.mutable_trace()->add_entities();
    e->set_type(entity.type);
    e->set_text(entity.text);
    e->set_value(entity.value.display.empty() ? entity.value.text : entity.value.display);
    e->set_start(entity.start);
    e->set_end(entity.end);
  }
  // A person answering (or writing) is helping with the next order.
  if (dialogue.attendant == dialogue::Attendant::kAgent) commerce.AssistedBy(dialogue.agent);
  rep_->dialogue = std::move(dialogue);
  rep_->commerce = std::move(commerce);
  rep_->restore_notes.clear();
  return result;
}

absl::StatusOr<std::string> Session::HandleTurnJson(std::string_view input_json) {
  v1::TurnInput input;
  CHATCART_RETURN_IF_ERROR(engine::ParseJson(input_json, "turn input", &input));
  CHATCART_ASSIGN_OR_RETURN(v1::TurnResult result, HandleTurn(input));
  return engine::DeterministicJson(result);
}

absl::StatusOr<std::string> Session::HandleTurnBytes(std::string_view input_proto) {
  if (input_proto.size() > kMaxProtoBytes) {
    return absl::ResourceExhaustedError(absl::StrCat("turn input: ", input_proto.size(),
                                                     " bytes, over the limit of ", kMaxProtoBytes,
                                                     " (kMaxProtoBytes)"));
  }
  // Before parsing: protobuf would log an ERROR line for an ill-formed
  // string (#22).
  if (std::string field = IllFormedUtf8Field(*v1::TurnInput::descriptor(), input_proto);
      !field.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("turn input: ", field,
                     " is not well-formed UTF-8 (a protobuf string must be; JSON input may "
                     "carry any text)"));
  }
  v1::TurnInput input;
  if (!input.ParseFromArray(input_proto.data(), static_cast<int>(input_proto.size()))) {
    return absl::InvalidArgumentError("turn input: not a chatcart.v1.TurnInput in binary protobuf");
  }
  CHATCART_ASSIGN_OR_RETURN(v1::TurnResult result, HandleTurn(input));
  return engine::DeterministicBytes(result);
}

std::string Session::Snapshot() const {
  const EngineRep& engine = rep_->engine->rep();
  google::protobuf::Arena arena;
  v1::SessionSnapshot& snapshot = *google::protobuf::Arena::CreateMessage<v1::SessionSnapshot>(&arena);
  snapshot.set_format(kSnapshotFormat);
  snapshot.mutable_bundle()->set_name(engine.identity.name);
  snapshot.mutable_bundle()->set_version(engine.identity.version);
  snapshot.mutable_bundle()->set_fingerprint(engine.identity.fingerprint);
  snapshot.set_session_id(rep_->id);
  dialogue::DialogueToProto(*engine.graph, rep_->dialogue, snapshot.mutable_dialogue());
  if (rep_->commerce.profile.ByteSizeLong() > 0) *snapshot.mutable_profile() = rep_->commerce.profile;
  if (rep_->commerce.cart.has_value()) rep_->commerce.cart->ToProto(snapshot.mutable_cart());
  for (const Order& order : rep_->commerce.orders) order.ToProto(snapshot.add_orders());
  snapshot.set_order_seed(rep_->commerce.order_seed);
  for (const std::string& agent : rep_->commerce.assisted_by) snapshot.add_assisted_by(agent);
  for (const v1::RestoreNote& note : rep_->restore_notes)
    *snapshot.add_pending_restore_notes() = note;
  std::string bytes = engine::DeterministicBytes(snapshot);
  AppendChecksum(&bytes);
  return bytes;
}

absl::StatusOr<ApplyResult> Session::ApplyCartCommand(const CartCommand& command) {
  const EngineRep& engine = rep_->engine->rep();
  if (engine.cart_policy == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("bundle \"", engine.identity.name, "\" has no cart policy"));
  }
  // On a copy, committed on success: a failed first command creates no cart.
  std::optional<Cart> cart = rep_->commerce.cart;
  if (!cart.has_value()) {
    CHATCART_ASSIGN_OR_RETURN(cart, Cart::Create(engine.cart_policy, rep_->commerce.session_id));
  }
  CartCommand effective = command;
  engine::ScrubCommandUtf8(&effective);  // the snapshot keeps the cart (#22)
  if (auto* place = std::get_if<commands::PlaceOrder>(&effective.action);
      place != nullptr && !place->reference_seed.has_value()) {
    place->reference_seed =
        (rep_->commerce.order_seed + cart->state().orders_placed) & ((1u << 30) - 1);
  }
  std::vector<std::string> helped = rep_->commerce.assisted_by;
  if (effective.actor.kind == Actor::Kind::kAgent &&
      std::find(helped.begin(), helped.end(), effective.actor.agent_id) == helped.end()) {
    helped.push_back(effective.actor.agent_id);
  }
  if (auto* place = std::get_if<commands::PlaceOrder>(&effective.action);
      place != nullptr && place->assisted_by.empty()) {
    place->assisted_by = helped;
  }
  CHATCART_ASSIGN_OR_RETURN(ApplyResult result, cart->Apply(effective, engine.cart_sources()));
  // The agents who helped go with the order placed; the next starts clean.
  rep_->commerce.assisted_by = result.order != nullptr ? std::vector<std::string>() : helped;
  if (result.order != nullptr) rep_->commerce.orders.push_back(*result.order);
  rep_->commerce.cart = std::move(cart);
  return result;
}

const Cart* Session::cart() const {
  return rep_->commerce.cart.has_value() ? &*rep_->commerce.cart : nullptr;
}

v1::ShopperProfile Session::ExportProfile() const { return rep_->commerce.profile; }

absl::Status Session::ImportProfile(const v1::ShopperProfile& input) {
  v1::ShopperProfile profile = input;
  engine::ScrubMessageUtf8(&profile);  // the snapshot keeps it (#22)
  dialogue::DialogueState dialogue = rep_->dialogue;
  CHATCART_RETURN_IF_ERROR(PreloadProfile(rep_->engine->rep(), profile, &dialogue));
  rep_->dialogue = std::move(dialogue);
  rep_->commerce.profile = std::move(profile);
  return absl::OkStatus();
}

}  // namespace chatcart
