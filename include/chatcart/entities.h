// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Commerce entities in what a shopper types, in English, Italian and French:
// budgets and prices, numbers, quantities, ordinals, ages, colours, sizes,
// compatibility, category words, and brands, products and models from a
// catalog.
// Each entity has a type, a byte span into the text, the matched text, a
// normalized value and a confidence.
//
//   EntityExtractorOptions options;
//   options.currency = "EUR";                              // the store's
//   options.categories = {{.phrase = "photo printer", .value = "Photo Printers"}};
//   absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
//       EntityExtractor::Create(options);
//   std::vector<Entity> e = (*extractor)->Extract("a gift for my 6 year old under 40 quid", "en");
//   // e[0]: type "age", text "6 year old", number 6
//   // e[1]: type "money", text "under 40 quid", money {kUnder, max = 40.00 GBP}
//   (*extractor)->Extract("tra 20 e 30 €", "it");          // money {kBetween, 20.00, 30.00 EUR}
//   (*extractor)->Extract("le troisième", "fr");           // ordinal 3
//
// With a catalog (catalog.h), its brands, products, models and category names
// are entities too; the catalog must outlive the extractor:
//
//   std::shared_ptr<const Catalog> catalog = ...;          // Catalog::LoadJsonl
//   options.catalog = catalog.get();
//   options.catalog_min_score = 0.6;                       // FindByName score
//   extractor = EntityExtractor::Create(options);
//   (*extractor)->Extract("do you have the canora photozn 6 in black?", "en");
//   // product "canora photozn 6" (value "pr-zen6", the product id), colour black
//   (*extractor)->Extract("anything from Brickville?", "en");  // brand "Brickville"
//   (*extractor)->Extract("due Dodo Family", "it");  // quantity 2, product "toy-dodo"
//
// Building the extractor indexes the catalog's product-name words (one pass
// over the names); a product mention costs one Catalog::FindByName per run of
// unexplained words (at most three runs per text).
//
// What is found (the `type` names are part of the API):
//   "money"     budgets and prices: exact ("$300", "300 bucks", "1.5k", "19,99 €"),
//               under ("under 40 euros", "sotto i 50 euro", "moins de 20 euros",
//               "pas plus de 50 €", "50 or less"), over ("at least 100", "più di 30"),
//               between ("between 250 and 700 dollars", "tra 20 e 30 €",
//               "entre 200 et 300 €", "$300-$500") and around ("around 100",
//               "circa 80 euro", "environ 60 €", "~50", "300ish"). Currencies by
//               symbol, ISO code or name ($ € £ ¥ ₹, USD, dollars, bucks, quid,
//               sterline, livres, rupees...); none said: the store's currency. "$"
//               and "dollars" are the store's currency when it is a dollar (CAD,
//               AUD...), else USD; another currency is reported as said (the engine
//               decides what to do with it). A number with a budget cue but no
//               currency is a budget with a lower confidence; a bare number is a
//               "number". Cents join the amount ("20 dollars 43 cents", "$20 and
//               43c", "venti euro e cinquanta", "20€50": 20.43, 20.50).
//               Direction with negations: a negation right before a cue turns it
//               round and joins the span ("not under 100": over; "nn più di 200",
//               "non + di 50", "pas + de 40": under); one earlier in the clause
//               turns it round too ("I don't want to spend more than 60", "non
//               voglio spendere più di 60", "je ne veux pas dépenser plus de 60",
//               "shouldn't exceed 40", "sans dépasser 70 €": under), and so do
//               words after a minimum that reject it ("più di 200 no", "over 1000
//               is too much", "plus de 300 €, non"). "my limit is 120" is under.
//   "number"    numbers in digits or words: "300", "1,500", "twenty-five", "a
//               dozen", "tre", "ventuno", "vingt et un", "quatre-vingt-dix"; with
//               decimals ("1.1", "0.77", ".77", "15,6" in Italian and French, "two
//               point five"), fractions ("1/2", "3/4"), halves ("one and a half",
//               "due e mezzo", "deux et demi") and signs ("-5", "minus 5"). `number`
//               holds the value rounded toward zero, `value` the exact decimal.
//               Times, dates and phone numbers are no numbers ("5:30", "5 pm", "entro
//               le 18", "March 3rd", "3 maggio", "12/05/2024", "555-0199", "06 12 34
//               56 78"), nor model numbers, versions and years of things ("RTX 4070",
//               "CP-400", "wifi 6", "covid-19", "the 2024 model", "24/7"); an order
//               number said as one group is ("order 77120").
//   "quantity"  a number of items: "2 of those", "three of them", "ne prendo due",
//               "j'en prends deux", "I'll take 3", "x2", "5 pieces", "2 more", "just
//               one". "a pair of", "un paio di", "une paire de" a category the options
//               say is sold in pairs is 1 ("a pair of headphones"); of anything else 2.
//   "ordinal"   a position in a list: "the second one", "il secondo", "le troisième",
//               "2nd", "option 3"; the last one is -1, the second to last -2.
//   "age"       in whole years: "my 6 year old", "6yo", "a 10-year-old girl",
//               "ha 6 anni", "un bambino di 5 anni", "il a 8 ans", "aged 7",
//               "giochi per 6 anni", "des jeux pour 7 ans" (not after a duration word);
//               months count as the whole years they make ("18 months old": 1).
//   "colour"    a canonical English name: "rosso", "bleu marine" -> "red", "navy";
//               "light blue", "azzurro", "bleu clair" -> "light blue".
//   Lists and negations (colour, size, brand, category, compatibility): values
//               of one type joined only by "or"/"and"/commas/"/" (o, oppure, e; ou,
//               et; an article may follow the joiner) are one entity carrying every
//               value ("nere o blu" -> value "black,blue", values {black, blue},
//               either: true; "iPhone and Android" -> "iphone,android"); counted
//               items stay apart ("2 toys and a phone case"). A negation right
//               before a value ("not red", "no white", "anything but pink", "non
//               rosse", "niente Brickville", "tranne il nero", "pas de rouge",
//               "sauf le noir") marks it negated (products and models too).
//   "size"      "S".."XXXL" (letters, "size M", "taglia L", "extra large"), numbers
//               after a size word ("size 42" -> "42", "pointure 38,5" -> "38.5"),
//               shoe systems ("EU 42" -> "EU 42", "US 9.5", "US size 10" -> "US 10"), waist x
//               length ("32x30", "W32 L30", "waist 34 length 32" -> "34x32"); size words
//               after a cue ("taglia media", "taille moyenne" -> "M") or two of them
//               either way ("small or medium"; not "a small or large box").
//   "compatibility"  a platform, from a small table extendable by options:
//               iphone, ipad, android, windows_phone, windows, mac, linux, chromebook,
//               playstation, xbox, nintendo_switch ("for an iPhone 5", "works with
//               Android", "my wife's Windows phone", "per iPhone", Italian and French
//               "la Switch"), and devices by name, model and year (the device lexicon,
//               entities/devices.h: "HTC Windows 8 phone" -> windows_phone, "iPhone5",
//               "Galaxy S7", "Pixel 6", "un vecchio Nokia Lumia", "MacBook Air 2015",
//               "Dell XPS 13"; makers join the span). Every device named is reported,
//               several in one message or across sentences.
//   "category"  a word or phrase of the store's category vocabulary (options, and
//               the catalog's category names), plurals included ("photo printers").
//   "brand"     a catalog brand named in full ("Canora"); value: the brand as the
//               catalog writes it.
//   "product"   a catalog product named by words no other entity explains, looked
//               up with Catalog::FindByName (typos and unfinished words forgiven):
//               "the canora photozen 6", "photozn 6", "Titan 16"; value: the
//               product id. Needs a distinctive word (one few product names
//               share: "photozen", "7800x3d"; not "16" among hundreds of 16 GB
//               memory sticks), two words of the name or a model number (or one
//               coined word only its name holds: "QuietOne", "KidSafe") and a word
//               with letters: a number alone
//               ("2", though "Kodex Mini 2" ends in one) is no product; and no
//               equally good other product: "a photo printer" is a category,
//               "photozen" alone is a model (below); a category word as
//               the head of the words said counts for no word of a name ("a gaming
//               laptop" is a laptop, not the "Titan 16 Gaming Laptop"; "plush fox" is
//               the Plush Fox). A count right before a
//               product is a quantity ("due Dodo Family").
//   "model"     what several equally good products share, when no one product
//               wins; value: the model as the catalog writes it, number: how many
//               catalog products carry it. Either a product line, the first words
//               of product names after the brand, shared by two or more product
//               groups of one brand ("photozen", "photozn" -> "PhotoZen", 2
//               products; "ryzen 7" -> "Ryzen 7"), said with a model number or a
//               distinctive word ("junior" or "gaming" are none); or a designation
//               in a searchable ENUM attribute of the catalog mapping, a value with
//               a word with letters and one with a digit, said with all its words
//               with digits ("rtx 4070" -> "GeForce RTX 4070" in "chipset", 76
//               PC-parts cards; "4070 ti" -> "GeForce RTX 4070 Ti"). Typos are
//               forgiven as for products; a brand said with a model stays a brand
//               ("canora photozen": brand Canora, model PhotoZen). Product lines are counted among
//               the best 1,000 name matches (a lower bound past that).
//
// Each byte of the text belongs to at most one entity: when candidates overlap,
// the more specific wins ("my 6 year old under 40 euros" is an age and a budget,
// never three numbers).
//
// Bad input has a defined result, never a crash: empty text gives no entities;
// text beyond `max_text_chars` code points is ignored and the result says
// truncated; ill-formed UTF-8 separates words like a space (spans still index
// the bytes given); emoji and other scripts are skipped.
//
// Thread safety: an EntityExtractor is immutable once created; it is safe for
// concurrent access from multiple threads without any external
// synchronization. The catalog given in the options must outlive it.

#ifndef CHATCART_ENTITIES_H_
#define CHATCART_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/budget.h"
#include "chatcart/money.h"

namespace chatcart {

class Catalog;

// The value of a "money" entity. exact and around: min == max == the amount;
// under: max; over: min; between: both, min <= max.
struct BudgetValue {
  BudgetKind kind = BudgetKind::kExact;
  std::optional<Money> min;
  std::optional<Money> max;
  // The text named the currency (or said "k"/"grand"/"cents"); false when
  // the store's currency was assumed ("under 40").
  bool currency_stated = false;
};

struct Entity {
  // "money", "number", "quantity", "ordinal", "age", "colour", "size",
  // "compatibility", "category", "brand", "product" or "model".
  std::string type;
  // The byte span [start, end) in the text given to Extract.
  int start = 0;
  int end = 0;
  // The text's bytes in the span, as typed: text.substr(start, end - start),
  // ill-formed UTF-8 included when the text had it.
  std::string text;
  // How sure the extractor is, in (0, 1]: about 0.95 for explicit forms ("$300",
  // "6 year old"), lower for guesses ("around 100" with no currency: 0.75).
  double confidence = 0;

  // The value, by type:
  BudgetValue money;   // "money"
  int64_t number = 0;  // "number" (rounded toward zero: "1.5" is 1), "quantity",
                       // "ordinal" (-1 the last), "age" (years); "model": how many
                       // catalog products carry it
  std::string value;   // "colour", "size", "compatibility", "category", "brand",
                       // "model" (canonical forms above; a list comma-joined:
                       // "black,blue"); "product": the catalog product id;
                       // "number": the exact decimal, '.' and no trailing zeros
                       // ("300", "1.5", "0.5" for "1/2")

  // "colour", "size", "compatibility", "category", "brand": every value said,
  // in the order said, no repeats ("nere o blu": {"black", "blue"}); one value:
  // {value}. Other types: empty.
  std::vector<std::string> values;
  // The values were joined by "or" (o, oppure, ou): any one of them will do.
  // False for one value and for values joined by "and" or commas only.
  bool either = false;
  // A negation comes right before the value(s) ("not red", "niente
  // Brickville", "pas de rouge", "anything but pink"): the shopper excludes
  // them. The span starts at the negation.
  bool negated = false;
};

// A word or phrase of an extra vocabulary and the canonical value it stands
// for ("bleu nuit" -> "navy", "photo printers" -> "Photo Printers").
struct VocabularyEntry {
  std::string phrase;
  std::string value;
  // "en", "it" or "fr"; empty: every language.
  std::string language;
};

struct EntityExtractorOptions {
  // The store's currency (ISO 4217), for amounts said without one. Default: USD.
  std::string currency = "USD";
  // The languages to understand ("en", "it", "fr"); the first is used when
  // Extract names none or one not listed. Default: all three, English first.
  std::vector<std::string> languages = {"en", "it", "fr"};

  // Extra vocabularies, added to the built-in tables.
  std::vector<VocabularyEntry> colours;        // value: a canonical colour name
  std::vector<VocabularyEntry> compatibility;  // value: a platform id ("kindle")
  std::vector<VocabularyEntry> categories;     // value: the category name
  // Categories whose items are pairs (shoes, headphones): "a pair of" /
  // "un paio di" / "une paire de" one of them is a quantity of 1, not 2.
  // Category values as in `categories` or the catalog. Default: none.
  std::vector<std::string> pair_categories;

  // A catalog for brands, products, models and category names; nullptr: none. It must
  // outlive the extractor. Default: nullptr.
  const Catalog* catalog = nullptr;
  // Add the catalog's category names to `categories`. Default: true.
  bool categories_from_catalog = true;
  // A product needs a Catalog::FindByName score of at least this, in (0, 1].
  // Default: 0.6.
  double catalog_min_score = 0.6;

  // Text beyond this many code points is ignored (the result says truncated).
  // Default: 2,000.
  size_t max_text_chars = 2000;
};

// What one call found.
struct ExtractResult {
  // In text order, no two overlapping.
  std::vector<Entity> entities;
  // The text was cut at max_text_chars.
  bool truncated = false;
  // "en", "it" or "fr": the language the text was read in.
  std::string_view language;
};

class EntityExtractor {
 public:
  // Compiles the tables for `options`. INVALID_ARGUMENT naming the field for
  // an unknown currency or language, no language, or a vocabulary entry with
  // an empty phrase or value or an unknown language.
  static absl::StatusOr<std::shared_ptr<const EntityExtractor>> Create(
      const EntityExtractorOptions& options);

  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;
  ~EntityExtractor();

  // The entities of `text` read as `language` ("en", "it", "fr", or a BCP 47
  // tag such as "it-IT"); empty or not among the options' languages: the
  // first of them. Never fails (see the file comment on bad input).
  std::vector<Entity> Extract(std::string_view text, std::string_view language = {}) const;
  // Same, into *result (its vectors' storage is reused).
  void Extract(std::string_view text, std::string_view language, ExtractResult* result) const;

  const EntityExtractorOptions& options() const;

  // The folded words the extractor knows in `language` ("en", "it", "fr";
  // another: none): its number, currency, cue, colour, size and month words,
  // the vocabularies and category names of the options, the catalog's names.
  // For telling languages apart (IntentModelOptions::language_texts).
  std::vector<std::string> Words(std::string_view language) const;

 private:
  struct Rep;
  explicit EntityExtractor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace chatcart

#endif  // CHATCART_ENTITIES_H_
