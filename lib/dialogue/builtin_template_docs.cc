// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// When each built-in sentence is said, for bundle authors. docs/BUNDLES.md's
// list of built-in templates is generated from this table and the templates
// themselves (their arguments are read from the English wording), and a
// test keeps the two equal: builtin_template_docs_test.cc.

#include "dialogue/builtin_templates.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/strings.h"
#include "dialogue/template.h"

namespace chatcart::dialogue {

const std::vector<BuiltinTemplateDoc>& BuiltinTemplateDocs() {
  // One template a line: a table to read down.
  // clang-format off
  static const auto* docs = new std::vector<BuiltinTemplateDoc>{
      // ---- understanding
      {"chatcart.not_understood", "The turn matched nothing: no slot, route, flow or act took it."},
      {"chatcart.offer_human", "After repeated misunderstanding, frustration or a bot question, with a button to reach a person (handoff enabled)."},
      {"chatcart.human", "The title of that button."},
      {"chatcart.handoff", "The handoff action ran: a person is on the way. The bot runs no flow until the host sends `agent_joined` / `handed_back`."},
      {"chatcart.person_coming", "A shopper message while waiting for a person."},
      {"chatcart.agent_joined", "The host's `agent_joined` event (param `agent`, the name shown; `agent_id`, optional, the id kept in the snapshot and in `Order.assisted_by`)."},
      {"chatcart.bot_back", "The host's `handed_back` event: the bot answers again."},
      {"chatcart.agent_joined_ref", "The `agent_joined` event with param `reference` (the desk's reference number, as Conversations with a desk sends it)."},
      {"chatcart.queue_position", "The `queue_position` event (params `ahead`, `wait`: people ahead, the shown wait or empty): the shopper's place in the desk's queue (`ahead`: a number; `has_wait`: yes/no)."},
      {"chatcart.requeued", "The `requeued` event (param `agent`): the agent left and the shopper is back at their place (the position follows)."},
      {"chatcart.queue_full", "The `queue_full` event: the desk's queue is at its maximum; the bot keeps the conversation."},
      {"chatcart.wait_exceeded", "The `wait_exceeded` event: the desk's maximum wait passed."},
      {"chatcart.message_left", "The `message_left` event: the shopper's message waits for a person; the bot answers meanwhile."},
      {"chatcart.resume", "An interruption ended and the interrupted flow asks its pending question again."},
      {"chatcart.repeat_lead", "Led before a sentence that would repeat the previous turn's word for word (bundle templates with one variant)."},
      {"chatcart.yes", "Title of the yes button of a yes/no question."},
      {"chatcart.no", "Title of the no button."},
      {"chatcart.currency_assumed", "An amount said in another currency (\"30 bucks\" in a euro store), read as the same amount in the store's: said first in the turn (`{said}`, `{amount}`)."},
      {"chatcart.cart_changed", "The first turn after the session was restored into a new version of the bundle that removed lines of the shopper's cart (their product gone, or without a price in a new currency) or repriced them in a new currency: said first in the turn (`{removed}` the titles, `{removed_count}`, `{repriced}` yes/no with `{currency}`, `{emptied}` yes/no, else `{total}`). Every drop is also in `Trace.restored` for the host."},
      {"chatcart.which_product_again", "\"Which product do you mean?\" asked a second time in a row: the products to tap follow as buttons."},
      // ---- small talk and repair
      {"chatcart.hello", "A greeting mid-conversation."},
      {"chatcart.you_are_welcome", "Thanks."},
      {"chatcart.bye", "Goodbye."},
      {"chatcart.done", "\"Nothing else\", \"that's all\"."},
      {"chatcart.i_am_a_bot", "\"Are you a bot?\"; a person is offered when handoff is enabled."},
      {"chatcart.take_your_time", "\"Wait\", \"one moment\"."},
      {"chatcart.never_mind", "\"Never mind\": the current flow ends quietly."},
      {"chatcart.start_over", "\"Start over\": the running flows' answers are cleared and the flow starts again."},
      {"chatcart.sorry_frustrated", "Frustration (\"this is useless\", \"non capisci niente\"), before the offer of a person."},
      {"chatcart.noted_change", "A slot the waiting state's search reads changed (\"actually she's 9\"): the search runs again."},
      {"chatcart.noted_exclusion", "\"Niente lego\" names the value of a choice slot: the slot is cleared and asked again."},
      // ---- critiques of what was shown; {count} picks follow
      {"chatcart.refined_cheaper", "\"Anything cheaper?\"."},
      {"chatcart.refined_pricier", "\"Something better / more expensive\"."},
      {"chatcart.refined_other_brand", "\"Another brand\"."},
      {"chatcart.refined_similar", "\"More like the second one\"."},
      {"chatcart.refined_else", "\"Something else\": the next best, none shown before."},
      {"chatcart.refined", "Other critiques (\"more storage\", \"not X\")."},
      {"chatcart.refined_wider", "\"Something else\" after everything that fits was shown: the shopper's choices are left out."},
      {"chatcart.refined_none", "A critique nothing answers; the recommender's explanation follows."},
      {"chatcart.same_picks", "A search run again would show exactly the list just shown."},
      {"chatcart.picks_none", "No product fits a search; `{proposal}` is the recommender's explanation and relaxations."},
      {"chatcart.relaxed_picks", "After `chatcart.picks_none`: the products of the first relaxation proposed, when it changes only the price (\"with up to 12,00 € there are 3\")."},
      {"chatcart.probe", "A search too broad to rank well (the recommend action's probe_at): the recommender's question, its answers as buttons."},
      // ---- facts about products
      {"chatcart.fact", "A question about one product's attribute (\"how's the battery on it?\")."},
      {"chatcart.fact_described", "A number and its unit the question asks about, read from the product's name or description (\"720 bricks\", \"30 cm\")."},
      {"chatcart.fact_described_yes", "A yes-or-no question about products shown (\"sono in porcellana?\") whose description says the word asked as the question does: the clause, after a yes."},
      {"chatcart.fact_described_no", "The same, when the description says the opposite (\"sans théine\" for \"ha la teina?\"): the clause, after a no."},
      {"chatcart.fact_variants", "Which sizes/colours one product comes in (in stock)."},
      {"chatcart.facts", "The same attribute of several products (\"on those\")."},
      {"chatcart.fact_unknown", "The catalog holds no value of the attribute asked for these products."},
      {"chatcart.which_lowest", "\"Which is cheapest to run?\": the product with the least."},
      {"chatcart.which_highest", "\"Which lasts longest?\": the product with the most."},
      {"chatcart.works_with_yes", "\"Does it work with android?\": yes."},
      {"chatcart.works_with_no", "The same: no."},
      {"chatcart.compare", "\"What's the difference between them?\": one row per product of what tells them apart."},
      {"chatcart.search_results", "Products named by the shopper's words (\"do you sell phone chargers?\") when no flow, route or act took the turn: up to three cards, in stock first."},
      {"chatcart.have_it", "\"Do you have X?\" for a product in stock, with its card."},
      {"chatcart.have_it_sold_out", "The same for a product out of stock."},
      {"chatcart.label_price", "The word for price in facts."},
      {"chatcart.label_rating", "The word for rating in facts."},
      {"chatcart.label_stock", "The word for availability in facts."},
      {"chatcart.stock_yes", "In stock, as a fact."},
      {"chatcart.stock_no", "Out of stock, as a fact."},
      // ---- store questions
      {"chatcart.shipping_info", "A shipping question: the cart policy's methods and prices; the bundle's `faq_shipping` template follows when defined."},
      {"chatcart.free_above", "A shipping method's free-shipping threshold, inside `{methods}`."},
      {"chatcart.no_info", "A store question the bundle has no answer for (define `faq_returns`, `faq_hours`, `faq_payment`, `faq_shipping`)."},
      {"chatcart.measure_height", "`{attribute}` of chatcart.fact_unknown when a height is asked (\"how high is the heel?\") and no name or description of the products shown says it."},
      {"chatcart.measure_weight", "The same for a weight (\"quanto pesa?\")."},
      {"chatcart.measure_temperature", "The same for a temperature (\"à quelle température ?\")."},
      {"chatcart.measure_brewing", "The same for brewing, minutes and degrees (\"how do you brew it?\")."},
      {"chatcart.measure_time", "The same for a time (\"how long does it steep?\")."},
      {"chatcart.measure_capacity", "The same for a capacity (\"combien de ml ?\")."},
      {"chatcart.measure_size", "The same for a size (\"how big is it?\")."},
      {"chatcart.measure_length", "The same for a length (\"how long is it?\")."},
      {"chatcart.measure_noise", "The same for a noise level (\"is it loud?\")."},
      {"chatcart.topic_shipping", "`{topic}` of chatcart.no_info for shipping."},
      {"chatcart.topic_returns", "`{topic}` for returns."},
      {"chatcart.topic_hours", "`{topic}` for opening hours."},
      {"chatcart.topic_payment", "`{topic}` for payment methods."},
      // ---- products, variants, cart
      {"chatcart.no_product", "A product action found no product in its slot."},
      {"chatcart.product", "show_product: a product's card and description."},
      {"chatcart.ask_variant", "Adding a product with variants: the next axis (size, colour) to choose, in-stock values as buttons."},
      {"chatcart.variant_available", "\"Do you have it in pink?\", \"in 41?\": that variant is in stock (at its price)."},
      {"chatcart.sold_out_match", "A search finds nothing in stock but a product that fits is sold out; the recommender's proposals follow."},
      {"chatcart.variant_some", "The same about several products shown: those in stock in that variant."},
      {"chatcart.variant_none_of_these", "The same: none of them."},
      {"chatcart.variant_missing", "A size or colour the product does not come in, with the nearest available."},
      {"chatcart.variant_sold_out", "A size or colour sold out, with the nearest in stock."},
      {"chatcart.variant_changed", "\"In black\", \"size 39 instead\": the cart line's variant changed."},
      {"chatcart.added", "add_to_cart succeeded."},
      {"chatcart.cart_empty", "A cart action or summary on an empty cart."},
      {"chatcart.not_in_cart", "change_quantity/remove_from_cart named a product the cart does not hold."},
      {"chatcart.quantity_changed", "change_quantity succeeded."},
      {"chatcart.removed", "remove_from_cart succeeded."},
      {"chatcart.cart_summary", "show_cart, and \"what's my total?\" anywhere."},
      {"chatcart.cart_cleared", "\"Remove everything\", \"togli tutto\": the cart's lines were removed."},
      {"chatcart.out_of_stock", "A cart command asked for more than is in stock."},
      {"chatcart.too_many", "A line over the policy's max_quantity_per_line."},
      {"chatcart.cart_full", "A cart at the policy's max_lines."},
      {"chatcart.over_cap", "A command over the policy's spending cap."},
      {"chatcart.product_gone", "A product no longer in the catalog."},
      {"chatcart.failed_generic", "Any other refused command; the engine's reason goes to the host in the `command_refused` event, never to the shopper."},
      {"chatcart.failed", "Kept for bundles that override it; the engine no longer says it."},
      {"chatcart.other_currency", "A budget in another currency than the store's."},
      // ---- codes
      {"chatcart.no_code", "apply_code without a code."},
      {"chatcart.code_applied", "A discount code applied."},
      {"chatcart.code_unknown", "A code the policy does not know."},
      {"chatcart.code_already", "A code already on the cart."},
      {"chatcart.code_expired", "An expired code."},
      {"chatcart.code_minimum", "A code whose minimum subtotal the cart does not reach."},
      {"chatcart.code_one_per_cart", "A second code over the policy's max_codes_per_cart."},
      {"chatcart.code_not_eligible", "A code refused for another reason (no item in the cart it applies to)."},
      {"chatcart.code_not_applied", "A code on the cart that does not apply yet (`{reason}` from the policy)."},
      // ---- checkout and orders
      {"chatcart.confirm", "request_confirmation: the exact total, \"reply OK to buy\"."},
      {"chatcart.confirmation_stale", "The cart changed since the total was shown: it is shown again."},
      {"chatcart.order_placed", "place_order succeeded."},
      {"chatcart.no_order", "An order action with no order in the conversation."},
      {"chatcart.amend_preview", "amend_order staged an addition: the difference and the new total."},
      {"chatcart.amended", "amend_order with commit."},
      {"chatcart.amend_refused", "An order that can no longer change."},
      {"chatcart.order_status", "track_order."},
      {"chatcart.status_placed", "`{status}` of chatcart.order_status: placed."},
      {"chatcart.status_paid", "`{status}`: paid."},
      {"chatcart.status_shipped", "`{status}`: shipped."},
      {"chatcart.status_delivered", "`{status}`: delivered."},
      {"chatcart.status_cancelled", "`{status}`: cancelled."},
      {"chatcart.forgotten", "forget: the shopper profile was erased."},
  };
  // clang-format on
  return *docs;
}

std::string BuiltinTemplatesMarkdown() {
  std::string out =
      "| id | arguments | said when | English |\n"
      "|---|---|---|---|\n";
  for (const BuiltinTemplate& t : BuiltinTemplates()) {
    if (t.language != "en") continue;
    std::string_view when = "(undocumented)";
    for (const BuiltinTemplateDoc& doc : BuiltinTemplateDocs()) {
      if (doc.id == t.id) when = doc.when;
    }
    std::vector<std::string> args;
    for (std::string_view variant : t.variants) {
      absl::StatusOr<Template> compiled = Template::Compile(variant);
      if (!compiled.ok()) continue;
      for (std::string& name : compiled->ArgumentNames()) {
        if (std::find(args.begin(), args.end(), name) == args.end()) args.push_back(name);
      }
    }
    std::vector<std::string> quoted;
    for (const std::string& a : args) quoted.push_back(absl::StrCat("`", a, "`"));
    std::string english = absl::StrReplaceAll(ToAbsl(t.variants.front()), {{"|", "\\|"}, {"\n", " "}});
    absl::StrAppend(&out, "| `", ToAbsl(t.id), "` | ", absl::StrJoin(quoted, ", "), " | ",
                    ToAbsl(when), " | ", english, " |\n");
  }
  return out;
}

}  // namespace chatcart::dialogue
