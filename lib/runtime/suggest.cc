// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations::SuggestForAgent: what the bot would do with the shopper's
// last message, for the agent who holds the conversation. The stored
// session is restored into a copy that the bot holds again (a handed_back
// event), the message runs as a turn there, and the copy is thrown away:
// nothing is saved and nothing reaches the shopper. Its replies become the
// suggested replies (with the bundle's canned replies for the intent), the
// question it asks is the next question, its product cards (with their
// reasons, from the recommender) the products, and the first of them that
// is cheaper than or of another brand than the top pick is the
// alternative.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "chatcart/catalog.h"
#include "chatcart/runtime.h"
#include "chatcart/v1/session.pb.h"
#include "common/status_macros.h"
#include "store/store_internal.h"

namespace chatcart {
namespace {

v1::TurnInput At(int64_t ms) {
  v1::TurnInput turn;
  turn.mutable_time()->set_seconds(ms / 1000);
  turn.mutable_time()->set_nanos(static_cast<int32_t>(ms % 1000) * 1000000);
  return turn;
}

std::string_view BrandOf(const Catalog* catalog, std::string_view product_id) {
  if (catalog == nullptr) return {};
  std::optional<ProductIndex> i = catalog->FindById(product_id);
  return i.has_value() ? catalog->product(*i).brand : std::string_view();
}

std::string NameOf(const Catalog* catalog, std::string_view product_id) {
  if (catalog != nullptr) {
    if (std::optional<ProductIndex> i = catalog->FindById(product_id)) {
      return std::string(catalog->product(*i).name);
    }
  }
  return std::string(product_id);
}

// The one-screen summary: what the shopper wants, what the bot knows, what
// they were shown, their cart.
std::string Summary(const v1::AgentSuggestions& s, const v1::SessionSnapshot& session,
                    const Session& live, const Catalog* catalog, std::string_view said) {
  std::vector<std::string> lines;
  lines.push_back(absl::StrCat("Said: ", std::string(said)));
  std::string wants = s.intent().empty() ? "(not understood)" : s.intent();
  if (!session.dialogue().stack().empty()) {
    const v1::FrameSnapshot& top = session.dialogue().stack(session.dialogue().stack_size() - 1);
    absl::StrAppend(&wants, " (", top.flow(), "/", top.state(), ")");
  }
  lines.push_back(absl::StrCat("Wants: ", wants));
  std::vector<std::string> slots;
  for (const v1::SlotSnapshot& slot : session.dialogue().slots()) {
    slots.push_back(absl::StrCat(slot.name(), "=",
                                 slot.display().empty() ? slot.text() : slot.display()));
  }
  if (!slots.empty()) lines.push_back(absl::StrCat("Knows: ", absl::StrJoin(slots, ", ")));
  std::vector<std::string> shown;
  for (const std::string& id : session.dialogue().last_shown()) shown.push_back(NameOf(catalog, id));
  if (!shown.empty()) lines.push_back(absl::StrCat("Shown: ", absl::StrJoin(shown, "; ")));
  if (const Cart* cart = live.cart(); cart != nullptr && !cart->state().lines.empty()) {
    std::vector<std::string> items;
    for (const CartLine& line : cart->state().lines) {
      items.push_back(absl::StrCat(line.quantity, " x ", line.title));
    }
    std::string total;
    if (absl::StatusOr<CartTotals> totals = cart->Totals(); totals.ok()) {
      total = absl::StrCat(" (total ", totals->grand_total.ToString(), ")");
    }
    lines.push_back(absl::StrCat("Cart: ", absl::StrJoin(items, ", "), total));
  } else {
    lines.push_back("Cart: empty");
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

absl::StatusOr<v1::AgentSuggestions> Conversations::SuggestForAgent(
    std::string_view conversation_id, std::string_view text, int64_t now_ms) {
  CHATCART_RETURN_IF_ERROR(store_internal::CheckId("conversation id", conversation_id));
  std::string said(text);
  if (said.empty()) {
    if (options_.desk == nullptr) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "conversation \"%s\": no text given and no desk to take the last message from",
          conversation_id));
    }
    CHATCART_ASSIGN_OR_RETURN(std::vector<v1::DeskMessage> messages,
                              options_.desk->Messages(conversation_id));
    for (auto it = messages.rbegin(); it != messages.rend() && said.empty(); ++it) {
      if (it->author() == v1::DeskMessage::SHOPPER && !it->note()) said = it->text();
    }
    if (said.empty()) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "conversation \"%s\" has no shopper message at the desk", conversation_id));
    }
  }
  CHATCART_ASSIGN_OR_RETURN(std::unique_ptr<Session> copy, Load(conversation_id));
  v1::SessionSnapshot before;
  before.ParseFromString(copy->Snapshot());
  const int64_t at = std::max(now_ms, before.dialogue().last_turn_unix_ms());
  if (!before.dialogue().attendant().empty() && before.dialogue().attendant() != "bot") {
    v1::TurnInput back = At(at);
    back.mutable_event()->set_kind("handed_back");
    CHATCART_RETURN_IF_ERROR(copy->HandleTurn(back).status());
  }
  v1::TurnInput turn = At(at);
  turn.set_text(said);
  CHATCART_ASSIGN_OR_RETURN(v1::TurnResult result, copy->HandleTurn(turn));
  v1::SessionSnapshot after;
  after.ParseFromString(copy->Snapshot());

  v1::AgentSuggestions out;
  out.set_intent(result.trace().intent());
  out.set_alternative(-1);
  const std::string& language = result.language();
  if (options_.canned_replies != nullptr && !out.intent().empty()) {
    for (const v1::CannedReply* canned : options_.canned_replies->ForIntent(out.intent(), language)) {
      v1::AgentSuggestions::Reply* r = out.add_replies();
      r->set_code(canned->code());
      r->set_text(canned->text());
      r->set_why(absl::StrCat("intent ", out.intent()));
    }
  }
  for (const v1::Reply& reply : result.replies()) {
    if (reply.text().empty()) continue;
    v1::AgentSuggestions::Reply* r = out.add_replies();
    r->set_text(reply.text());
    r->set_why(reply.template_id().empty() ? "the bot's answer"
                                           : absl::StrCat("the bot's answer (", reply.template_id(), ")"));
  }
  // The question the bot's flow asks next.
  if (!after.dialogue().stack().empty()) {
    const v1::FrameSnapshot& top = after.dialogue().stack(after.dialogue().stack_size() - 1);
    if (!top.asking().empty() && result.replies_size() > 0) {
      v1::AgentSuggestions::Question* q = out.add_questions();
      q->set_slot(top.asking());
      q->set_text(result.replies(result.replies_size() - 1).text());
    }
  }
  const Catalog* catalog = engine().catalog();
  for (const v1::Reply& reply : result.replies()) {
    for (const v1::ProductCard& card : reply.products()) {
      bool seen = std::any_of(out.products().begin(), out.products().end(),
                              [&](const auto& p) { return p.product_id() == card.product_id(); });
      if (seen) continue;
      v1::AgentSuggestions::Product* p = out.add_products();
      p->set_product_id(card.product_id());
      p->set_name(card.name());
      p->set_price_text(card.price_text());
      *p->mutable_reasons() = card.reasons();
      if (out.products_size() == 1) continue;
      // Against the top pick: a real alternative is cheaper or another brand.
      const v1::ProductCard* top = nullptr;
      for (const v1::Reply& r : result.replies()) {
        for (const v1::ProductCard& c : r.products()) {
          if (c.product_id() == out.products(0).product_id()) top = &c;
        }
      }
      if (top != nullptr && card.price().currency() == top->price().currency() &&
          card.price().minor_units() < top->price().minor_units()) {
        p->add_alternative_because("cheaper");
      }
      std::string_view brand = BrandOf(catalog, card.product_id());
      if (!brand.empty() && brand != BrandOf(catalog, out.products(0).product_id())) {
        p->add_alternative_because("other_brand");
      }
      if (out.alternative() < 0 && p->alternative_because_size() > 0) {
        out.set_alternative(out.products_size() - 1);
      }
    }
  }
  out.set_summary(Summary(out, after, *copy, catalog, said));
  return out;
}

}  // namespace chatcart
