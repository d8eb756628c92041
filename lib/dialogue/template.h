// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Message templates: the subset of ICU MessageFormat that bot copy needs,
// compiled once and rendered without allocation beyond the output string.
//
//   Syntax    literal text with arguments in braces:
//             {name}                         the argument's text (numbers with
//                                            the locale's grouping)
//             {name, number}                 a number formatted for the locale
//             {n, plural, =0 {none} one {# item} other {# items}}
//                                            CLDR plural categories of the
//                                            locale; # is n formatted
//             {kind, select, gift {...} other {...}}
//   Quoting   ICU's: '' is an apostrophe; an apostrophe before { } # | starts a
//             quoted literal up to the next lone apostrophe; any other
//             apostrophe is literal ("l'ordine", "c'est" need no escaping).
//
// Why not icu::MessageFormat itself: its const format() lazily creates and
// caches sub-formatters, so one instance is not safe to share across threads,
// and the engine is immutable and shared. PluralRules and
// LocalizedNumberFormatter are.
//
// A compiled Template and a LocaleFormat are immutable and safe for
// concurrent use from multiple threads.

#ifndef CHATCART_DIALOGUE_TEMPLATE_H_
#define CHATCART_DIALOGUE_TEMPLATE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "unicode/uversion.h"

// icu is an alias of a versioned namespace: forward-declare inside it.
U_NAMESPACE_BEGIN
class PluralRules;
namespace number {
class LocalizedNumberFormatter;
}  // namespace number
U_NAMESPACE_END

namespace chatcart::dialogue {

// Locale data a template renders with: plural rules and a number formatter.
class LocaleFormat {
 public:
  // INVALID_ARGUMENT for an ill-formed BCP 47 tag.
  static absl::StatusOr<std::shared_ptr<const LocaleFormat>> Create(std::string_view locale);
  ~LocaleFormat();

  const std::string& locale() const { return locale_; }
  // The CLDR plural category of `n` ("one", "few", "other", ...).
  std::string PluralCategory(int64_t n) const;
  // `n` with the locale's digits and grouping ("1,234", "1.234", "1 234").
  std::string FormatNumber(int64_t n) const;

 private:
  LocaleFormat() = default;
  std::string locale_;
  std::unique_ptr<icu::PluralRules> plural_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> number_;
};

// One named argument: text, or an integer (for plural and number).
struct TemplateArg {
  std::string name;
  std::variant<std::string, int64_t> value;
};
using TemplateArgs = std::vector<TemplateArg>;

class Template {
 public:
  // Compiles `pattern`. INVALID_ARGUMENT names the offset and what is wrong
  // ("offset 12: plural needs an 'other' case").
  static absl::StatusOr<Template> Compile(std::string_view pattern);

  // Renders with `args` into `out` (appending). A missing argument renders as
  // {name} so the gap is visible, and is reported by Validate at load.
  void Render(const LocaleFormat& locale, const TemplateArgs& args, std::string* out) const;
  std::string Render(const LocaleFormat& locale, const TemplateArgs& args) const;

  // The argument names the pattern uses, each once, in first-use order.
  std::vector<std::string> ArgumentNames() const;

  struct Node;  // public for the implementation's helpers only

 private:
  std::shared_ptr<const std::vector<Node>> nodes_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_TEMPLATE_H_
