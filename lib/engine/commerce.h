// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The ActionExecutor of a session's turn: recommend, show a product, cart
// commands, "reply OK to buy", orders and amendments, handoff, host actions,
// the shopper profile. The dialogue decides; this does, and says what
// happened through the engine's templates (ids "chatcart.*", overridable by
// a bundle). Shopper-facing failures (out of stock, a code that does not
// apply, a stale confirmation) are replies; only engine faults are errors.
//
// One per turn, on the turn's working copy of the session; not thread-safe.

#ifndef CHATCART_ENGINE_COMMERCE_H_
#define CHATCART_ENGINE_COMMERCE_H_

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "chatcart/order.h"
#include "dialogue/runtime.h"
#include "engine/engine_rep.h"
#include "engine/product_words.h"

namespace chatcart::engine {

using engine_internal::CommerceState;

// Units in the cart, all lines together.
int64_t ItemCount(const CartState& state);

class CommerceExecutor : public dialogue::ActionExecutor {
 public:
  CommerceExecutor(const engine_internal::EngineRep& engine, CommerceState& state,
                   const v1::TurnInput& input)
      : engine_(engine), state_(state), input_(input) {}

  absl::Status Execute(const v1::Action& action, const dialogue::FlowSpec& flow,
                       dialogue::TurnContext& turn) override;
  std::optional<dialogue::ConditionValue> Lookup(std::string_view name) const override;

  // Conversation acts (references.cc, refine.cc, questions.cc).
  std::string ProductTitle(std::string_view product) const override;
  // How many variant axes `product`'s variants differ on, and for how many
  // of them the words say a value (of one of its variants).
  std::pair<int, int> VariantAxesNamed(const dialogue::Understanding& u,
                                       ProductIndex product) const;
  dialogue::ProductReference ResolveReference(const dialogue::Understanding& understanding,
                                              const std::vector<std::string>& shown,
                                              const std::vector<std::string>& seen,
                                              std::string_view focus,
                                              bool catalog_wide) const override;
  bool Refine(const dialogue::Understanding& understanding, const std::vector<std::string>& shown,
              dialogue::ShownContext* context) const override;
  absl::StatusOr<bool> AnswerQuestion(const dialogue::ProductQuestion& question,
                                      dialogue::TurnContext& turn) override;
  absl::StatusOr<bool> AnswerStoreQuestion(converse::ActKind topic, bool last_resort,
                                           dialogue::TurnContext& turn) override;
  absl::StatusOr<bool> SearchCatalog(dialogue::TurnContext& turn, bool by_word) override;
  absl::StatusOr<bool> RefineFound(const dialogue::ShownContext& context, std::string_view intro,
                                   dialogue::TurnContext& turn) override;
  void AddWishes(const dialogue::Understanding& understanding,
                 std::vector<std::string>* wishes) const override;
  absl::StatusOr<bool> ShowFewThatFit(const v1::RecommendAction& action,
                                      dialogue::TurnContext& turn) override;
  int WishesFitting(const v1::RecommendAction& action,
                    dialogue::TurnContext& turn) const override;
  // Variants (variants.cc).
  bool TakeVariantAnswer(const dialogue::Understanding& understanding,
                         dialogue::VariantChoice* choice) const override;
  std::optional<absl::Status> ChangeLineVariant(dialogue::TurnContext& turn) override;

  // An order event from the host (order_paid, order_shipped,
  // order_delivered, order_cancelled with param reference=...) moves the
  // session's order of that reference along its lifecycle, so "where is my
  // order?" answers from it. Events for orders this session does not hold
  // change nothing (flows may read `event.order_known`). A transition the
  // lifecycle forbids (shipped before paid) fails the turn with the Order's
  // FAILED_PRECONDITION, prefixed by the event kind.
  absl::Status ApplyOrderEvent();

 private:
  // The recommender request `action` makes of the turn's slots and the
  // refinement under way (wishes not yet added).
  absl::StatusOr<RecommendRequest> RequestFor(const v1::RecommendAction& action,
                                              dialogue::TurnContext& turn) const;
  // After an empty result: the products of its first relaxation
  // (chatcart.relaxed_picks), when it relaxes only the price; nothing
  // otherwise.
  // Says `template_id` with {count} and a card for each of `picks`, which
  // become the products last shown; returns their ids.
  std::vector<std::string> SayCards(std::string_view template_id, const std::vector<Pick>& picks,
                                    dialogue::TurnContext& turn) const;
  void ShowRelaxed(const RecommendRequest& request, const Recommendation& recommendation,
                   dialogue::TurnContext& turn);
  // Adds to `request` each of `wishes` under which products still fit,
  // leaving out those on fields the action's answered slots filter on.
  void AddWishesThatFit(const std::vector<std::string>& wishes, const v1::RecommendAction& action,
                        dialogue::TurnContext& turn, RecommendRequest* request) const;
  absl::Status Recommend(const v1::RecommendAction& action, dialogue::TurnContext& turn);
  absl::Status ShowProduct(const v1::ShowProductAction& action, dialogue::TurnContext& turn);
  absl::Status AddToCart(const v1::AddToCartAction& action, dialogue::TurnContext& turn);
  absl::Status ChangeQuantity(const v1::ChangeQuantityAction& action, dialogue::TurnContext& turn);
  absl::Status Remove(const v1::RemoveFromCartAction& action, dialogue::TurnContext& turn);
  absl::Status ApplyCode(const v1::ApplyCodeAction& action, dialogue::TurnContext& turn);
  absl::Status ShowCart(dialogue::TurnContext& turn);
  // Why a discount code was refused, in the shopper's language when the
  // reason is known (unknown, already on, expired, a minimum, one per cart).
  void SayCodeRefused(const std::string& code, const absl::Status& status,
                      dialogue::TurnContext& turn);
  absl::Status RequestConfirmation(const v1::RequestConfirmationAction& action,
                                   dialogue::TurnContext& turn);
  // The shipping method a confirmation uses (see RequestConfirmationAction),
  // or "" when the policy has none.
  std::string ShippingMethodFor(const v1::RequestConfirmationAction& action,
                                dialogue::TurnContext& turn) const;
  absl::Status PlaceOrder(dialogue::TurnContext& turn);
  absl::Status Amend(const v1::AmendOrderAction& action, dialogue::TurnContext& turn);
  absl::Status Track(const v1::TrackOrderAction& action, dialogue::TurnContext& turn);
  absl::Status Handoff(const v1::HandoffAction& action, dialogue::TurnContext& turn);
  absl::Status Remember(const v1::RememberAction& action, const dialogue::FlowSpec& flow,
                        dialogue::TurnContext& turn);
  absl::Status Forget(dialogue::TurnContext& turn);

  // Product i's answer to `asked`, for people ("0,08 €", "8 h",
  // "38, 39, 40"); empty when the catalog holds none.
  std::string FactText(const Asked& asked, ProductIndex i, const dialogue::TurnContext& turn) const;
  std::string AskedLabel(const Asked& asked, const dialogue::TurnContext& turn) const;
  // A number with the unit the question asks about, found in the product's
  // name or description ("600 beads" for "how many pieces?"); empty if none.
  std::string DescribedFact(ProductIndex i, const std::vector<std::string>& words) const;
  // Says, for each of the first three of `products` whose description holds
  // a content word of `words`, that clause (chatcart.fact_described; a yes
  // or a no first, chatcart.fact_described_yes/_no, when `words` ask one);
  // the one product is in focus after. False, saying nothing, when none does.
  bool SayDescribed(const std::vector<ProductIndex>& products,
                    const std::vector<std::string>& words, dialogue::TurnContext& turn) const;
  // Products of the categories of `shown`, not among them, whose
  // description holds a content word of `words`: at most two, none when
  // more say it.
  std::vector<ProductIndex> NearbyDescribing(const std::vector<ProductIndex>& shown,
                                             const std::vector<std::string>& words) const;
  // The clause of product `i`'s description that holds a content word of
  // `words` ("wood" in "Wooden balance bike, ..."); empty when none does.
  // `agrees`, when given, is set when a clause is found: whether the clause
  // says the word as the question does (both with it, or both without:
  // "sans théine" disagrees with "ha la teina?"). `gloss`, when given, is
  // set to the shopper's word when the clause says it in another language
  // or form ("leather" of "are they real leather?" for "in pelle"), else
  // cleared.
  std::string DescriptionSaying(ProductIndex i, const std::vector<std::string>& words,
                                std::optional<bool>* agrees = nullptr,
                                std::string* gloss = nullptr) const;
  // What tells `products` apart, as one reply.
  bool Compare(const std::vector<ProductIndex>& products, dialogue::TurnContext& turn);
  // A built-in template's first variant rendered, without a reply.
  std::string RenderBuiltin(const dialogue::TurnContext& turn, std::string_view id,
                            const dialogue::TemplateArgs& args = {}) const;

  // The variant of `product` to add: the only one left by what the shopper
  // chose, or nullopt after asking for the next axis (the turn suspends) or
  // saying that nothing is left.
  std::optional<ProductIndex> ResolveVariant(ProductIndex product, dialogue::TurnContext& turn);
  std::string AxisValue(AttributeId axis, ProductIndex i) const;
  // The values of `axis` (catalog spelling) the turn names for `product`'s
  // variants; a bare number counts as a size when `asked`.
  bool IsCatalogSize(std::string_view value) const override;
  bool IsDiscountCode(std::string_view code) const override;
  bool InCart(std::string_view product) const override;
  bool IsVariantValueWord(std::string_view word) const override {
    return IsAttributeWord(PlainWord(word), /*axes_only=*/true);
  }
  // Whether the words of `content` that find `product` by name are all
  // attribute words of the catalog (references.cc).
  // Whether plain word `plain` names an attribute or one of its values
  // (by a value or a one-word label, or a glossary word meaning the same).
  // `axes_only`: a value of a variant axis only ("1kg", "beans" of the
  // coffees, not "colombia", an origin that also names the Colombie Huila).
  bool IsAttributeWord(const std::string& plain, bool axes_only = false) const;
  bool NamedOnlyByAttributeWords(ProductIndex product,
                                 const std::vector<std::string>& content) const;
  // The colours said that axis `axis` (not a size) holds for some product
  // of the catalog, as the catalog writes them: "do they come in black?"
  // of boots made only in brown.
  std::vector<std::string> ColoursSaidElsewhere(const dialogue::Understanding& u,
                                                AttributeId axis) const;
  std::vector<std::string> ValuesSaidFor(const dialogue::Understanding& u, AttributeId axis,
                                         ProductIndex product, bool asked) const;
  bool NamesSize(const AttributeInfo& info) const;
  std::vector<std::string> AvailableValues(AttributeId axis, std::span<const ProductIndex> group,
                                           const std::function<bool(ProductIndex, size_t)>& matches,
                                           size_t upto) const;
  std::vector<std::string> Nearest(std::vector<std::string> values, std::string_view to,
                                   size_t n) const;
  // Asks for `axis` with `values` as quick replies; the turn suspends.
  void AskAxis(AttributeId axis, ProductIndex product, const std::vector<std::string>& values,
               dialogue::TurnContext& turn);
  // "42, nero": the product's values on the variant axes; empty without.
  std::string VariantText(ProductIndex i, std::string_view language) const;

  // A product card for product i on `reply`.
  void AddProductCard(v1::Reply* reply, ProductIndex i, dialogue::TurnContext& turn) const;

  absl::StatusOr<Cart*> MutableCart();
  // Applies `action` as the shopper (or the turn's agent) at the turn's time.
  absl::StatusOr<ApplyResult> Apply(CartAction action, dialogue::TurnContext& turn);
  // A failed command as a reply: the reason in the shopper's words.
  void SayFailure(const absl::Status& status, dialogue::TurnContext& turn);
  // The product a slot names (an id), or nullopt with a reply said.
  std::optional<ProductIndex> ProductFromSlot(std::string_view slot, dialogue::TurnContext& turn);
  // The cart line of a product, or the last line when `slot` is empty.
  std::optional<uint32_t> LineForProduct(std::string_view slot, dialogue::TurnContext& turn);
  std::string Format(const Money& money, const dialogue::TurnContext& turn) const;
  void AttachCartSummary(v1::Reply* reply, dialogue::TurnContext& turn);
  Actor TurnActor() const;
  // The turn's time, from the input (the engine reads no clock).
  absl::Time InputTime() const;

  // The wishes of this turn's words (AddWishes), read once.
  mutable bool wishes_read_ = false;
  mutable std::vector<std::string> wishes_words_;
  mutable std::vector<std::string> wishes_said_;
  const engine_internal::EngineRep& engine_;
  CommerceState& state_;
  const v1::TurnInput& input_;
};

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_COMMERCE_H_
