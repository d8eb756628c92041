// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/session_restore.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "chatcart/catalog.h"
#include "chatcart/money.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/strings.h"
#include "dialogue/template_catalog.h"

namespace chatcart::engine {

using engine_internal::EngineRep;

namespace {

constexpr std::string_view kCartChanged = "chatcart.cart_changed";

void Note(std::vector<v1::RestoreNote>* notes, std::string_view kind, std::string_view subject,
          std::string detail, std::string_view title = {}) {
  v1::RestoreNote* note = &notes->emplace_back();
  note->set_kind(std::string(kind));
  note->set_subject(std::string(subject));
  note->set_detail(std::move(detail));
  if (!title.empty()) note->set_title(std::string(title));
}

std::string MoneyText(int64_t minor_units, std::string_view currency) {
  absl::StatusOr<Money> money = Money::FromMinorUnits(minor_units, currency);
  return money.ok() ? money->ToString()
                    : absl::StrCat(minor_units, " ", ToAbsl(currency), " minor units");
}

// What this bundle knows of a cart line's product.
struct Found {
  bool gone = false;                // the catalog (or price source) does not have it
  std::optional<PriceQuote> quote;  // its price, when it has one
};

Found FindLineProduct(const EngineRep& engine, const CartLine& line) {
  Found found;
  if (engine.prices != nullptr) {
    absl::StatusOr<PriceQuote> quote = engine.prices->Quote(line.product_id, line.sku);
    if (quote.ok()) {
      found.quote = *std::move(quote);
    } else {
      // Any other error (a product without a price) says it is still there.
      found.gone = quote.status().code() == absl::StatusCode::kNotFound;
    }
  } else if (engine.catalog != nullptr) {
    found.gone = !engine.catalog->Lookup(line.product_id).has_value() ||
                 (!line.sku.empty() && !engine.catalog->Lookup(line.sku).has_value());
  }
  return found;
}

bool ProductGone(const EngineRep& engine, std::string_view id) {
  return engine.catalog != nullptr && !id.empty() && !engine.catalog->Lookup(id).has_value();
}

}  // namespace

void FitCartToBundle(const EngineRep& engine, CartState* cart,
                     std::vector<v1::RestoreNote>* notes) {
  const CartPolicy& policy = *engine.cart_policy;
  const std::string currency(policy.currency());
  bool changed = false;
  if (!cart->shipping_method.empty()) {
    bool known = false;
    for (const v1::ShippingMethod& method : policy.proto().shipping_methods()) {
      known = known || method.id() == cart->shipping_method;
    }
    if (!known) {
      Note(notes, "shipping_method", cart->shipping_method,
           "not in this bundle's cart policy: cleared");
      cart->shipping_method.clear();
      changed = true;
    }
  }
  const bool repricing = cart->currency != currency;
  if (repricing) {
    Note(notes, "cart_currency", cart->currency,
         absl::StrCat(currency, ": the store's currency now; lines repriced from the catalog"));
  }
  std::vector<CartLine> kept;
  for (CartLine& line : cart->lines) {
    const Found found = FindLineProduct(engine, line);
    if (found.gone) {
      Note(notes, "cart_line", line.product_id, "not in this bundle's catalog: removed",
           line.title);
      changed = true;
      continue;
    }
    if (repricing) {
      if (!found.quote.has_value() || found.quote->unit_price.currency() != currency) {
        Note(notes, "cart_line", line.product_id,
             absl::StrCat("no price in ", currency, " in this bundle's catalog: removed"),
             line.title);
        changed = true;
        continue;
      }
      const int64_t price = found.quote->unit_price.minor_units();
      Note(notes, "cart_price", line.product_id,
           absl::StrCat(MoneyText(line.unit_price, cart->currency), " -> ",
                        MoneyText(price, currency), " (the catalog's price)"),
           line.title);
      line.unit_price = price;
      changed = true;
    }
    kept.push_back(std::move(line));
  }
  cart->lines = std::move(kept);
  if (repricing) {
    if (cart->spent != 0) {
      Note(notes, "cart_spent", MoneyText(cart->spent, cart->currency),
           absl::StrCat("spending counted in ", cart->currency, ", never converted: cleared"));
      cart->spent = 0;
    }
    cart->currency = currency;
  }
  if (changed && cart->confirmation.has_value()) {
    Note(notes, "cart_confirmation", cart->confirmation->token,
         "asked for a cart that changed: cleared");
    cart->confirmation.reset();
  }
}

void FitProductsToCatalog(const EngineRep& engine, dialogue::DialogueState* dialogue,
                          std::vector<v1::RestoreNote>* notes) {
  if (engine.catalog == nullptr) return;
  const std::string gone = "not in this bundle's catalog: forgotten";
  if (ProductGone(engine, dialogue->focus)) {
    Note(notes, "focus", dialogue->focus, gone);
    dialogue->focus.clear();
  }
  for (const std::string& id : dialogue->last_shown) {
    if (!ProductGone(engine, id)) continue;
    // "The second one" counts what the shopper saw: forget the whole list
    // rather than shift it.
    Note(notes, "shown", id,
         absl::StrCat(gone, ", with the ", dialogue->last_shown.size(), " products shown with it"));
    dialogue->last_shown.clear();
    break;
  }
  dialogue::ShownContext& shown = dialogue->shown;
  std::erase_if(shown.seen, [&](const std::string& id) { return ProductGone(engine, id); });
  if (ProductGone(engine, shown.reference)) {
    Note(notes, "search", shown.reference, "the product the search compared with is gone");
    shown.reference.clear();
  }
  if (ProductGone(engine, dialogue->variant.product)) {
    Note(notes, "variant", dialogue->variant.product, gone);
    dialogue->variant = {};
  }
  for (auto it = dialogue->slots.begin(); it != dialogue->slots.end();) {
    if (it->second.type == dialogue::SlotType::kProduct && ProductGone(engine, it->second.text)) {
      Note(notes, "slot", it->first, absl::StrCat("product ", it->second.text, " ", gone));
      it = dialogue->slots.erase(it);
    } else {
      ++it;
    }
  }
}

void TellRestoreNotes(const EngineRep& engine, const std::vector<v1::RestoreNote>& notes,
                      const Cart* cart, v1::TurnResult* result) {
  std::vector<std::string> removed;
  std::string repriced_to;
  for (const v1::RestoreNote& note : notes) {
    *result->mutable_trace()->add_restored() = note;
    if (note.kind() == "cart_line") {
      removed.push_back(note.title().empty() ? note.subject() : note.title());
    }
    if (note.kind() == "cart_price" && cart != nullptr) repriced_to = cart->state().currency;
  }
  if ((removed.empty() && repriced_to.empty()) || engine.templates == nullptr) return;
  const std::string& locale = engine.templates->LocaleFor(result->language());
  const std::vector<dialogue::Template>* variants = engine.templates->Find(locale, kCartChanged);
  if (variants == nullptr || variants->empty()) return;
  const bool emptied = cart == nullptr || cart->state().lines.empty();
  std::string total;
  if (!emptied) {
    absl::StatusOr<CartTotals> totals = cart->Totals();
    if (totals.ok()) {
      absl::StatusOr<std::string> text = totals->grand_total.Format(locale);
      total = text.ok() ? *text : totals->grand_total.ToString();
    }
  }
  v1::Reply reply;
  reply.set_template_id(std::string(kCartChanged));
  reply.set_text(
      variants->front().Render(engine.templates->Format(locale),
                               {{"removed", absl::StrJoin(removed, ", ")},
                                {"removed_count", static_cast<int64_t>(removed.size())},
                                {"repriced", std::string(repriced_to.empty() ? "no" : "yes")},
                                {"currency", repriced_to},
                                {"emptied", std::string(emptied ? "yes" : "no")},
                                {"total", total}}));
  // Said first: what follows (a cart summary, a total) is already the new cart.
  auto* replies = result->mutable_replies();
  replies->Add(std::move(reply));
  for (int i = replies->size() - 1; i > 0; --i) replies->SwapElements(i, i - 1);
}

}  // namespace chatcart::engine
