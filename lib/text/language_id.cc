// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/language_id.h"

#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "text/utf8.h"

namespace chatcart::text {
namespace {

// Frequent words that belong to one of the three languages only (words
// shared by two, like "a", "in", "per", "non", "me", "ma", "est", are left
// out). Folded forms; apostrophes split tokens, so elided forms appear bare
// ("l", "d", "qu").
constexpr std::string_view kEnglish[] = {
    "the",    "and",      "you",    "your",     "my",       "is",       "are",     "was",
    "what",   "which",    "where",  "when",     "how",      "why",      "who",     "this",
    "that",   "these",    "those",  "it",       "its",      "with",     "for",     "of",
    "to",     "from",     "have",   "has",      "had",      "do",       "does",    "did",
    "can",    "could",    "would",  "should",   "will",     "want",     "need",    "like",
    "please", "thanks",   "thank",  "hello",    "hi",       "hey",      "yes",     "not",
    "don",    "doesn",    "isn",    "any",      "some",     "get",      "buy",     "order",
    "orders", "cart",     "basket", "checkout", "shoes",    "price",    "cheap",   "cheaper",
    "under",  "between",  "around", "about",    "size",     "colour",   "color",   "red",
    "blue",   "black",    "white",  "green",    "show",     "find",     "looking", "help",
    "agent",  "human",    "cancel", "track",    "shipping", "delivery", "refund",  "i",
    "me",     "we",       "our",    "be",       "an",       "or",       "if",      "there",
    "here",   "much",     "many",   "one",      "two",      "three",    "come",    "plus",
    "buck",   "bucks",    "quid",   "dollars",  "pounds",   "year",     "old",     "kid",
    "son",    "daughter", "gift",   "good",     "best",     "new",      "phone",   "at",
    "on",     "by",       "just",   "also"};

constexpr std::string_view kItalian[] = {
    "il",       "lo",         "gli",        "della",     "delle",      "dello",    "degli",
    "del",      "dei",        "nel",        "nella",     "sono",       "sei",      "siamo",
    "hanno",    "ho",         "hai",        "ha",        "che",        "chi",      "cosa",
    "come",     "dove",       "quando",     "perché",    "perche",     "questo",   "questa",
    "questi",   "quello",     "quella",     "con",       "per",        "da",       "dal",
    "dalla",    "voglio",     "vorrei",     "vuoi",      "posso",      "puoi",     "può",
    "grazie",   "ciao",       "buongiorno", "buonasera", "salve",      "sì",       "si",
    "anche",    "molto",      "mio",        "mia",       "miei",       "mie",      "tuo",
    "tua",      "sotto",      "sopra",      "tra",       "fra",        "circa",    "meno",
    "più",      "euro",       "carrello",   "ordine",    "ordini",     "scarpe",   "prezzo",
    "taglia",   "colore",     "rosso",      "rossa",     "rosse",      "nero",     "nera",
    "bianco",   "bianca",     "blu",        "verde",     "mostra",     "cerco",    "cercando",
    "aiuto",    "operatore",  "annulla",    "annullare", "spedizione", "consegna", "rimborso",
    "anni",     "figlio",     "figlia",     "regalo",    "telefono",   "uno",      "due",
    "tre",      "quattro",    "cinque",     "sei",       "dieci",      "venti",    "cento",
    "mille",    "mi",         "ti",         "ci",        "vi",         "gli",      "sto",
    "sta",      "stai",       "essere",     "avere",     "fare",       "vedere",   "comprare",
    "aggiungi", "aggiungere", "pagare",     "pagamento", "qualcosa",   "niente",   "nulla",
    "tutto",    "bene",       "buono",      "economico", "economica",  "costa",    "quanto",
    "quanti",   "quale",      "quali",      "ora",       "adesso",     "oggi",     "domani",
    "ancora",   "già",        "alla",       "allo",      "alle",       "agli",     "sul",
    "sulla",    "al",         "ai",         "una",       "un",         "dell",     "nell",
    "all",      "sull",       "c",          "è",         "i",          "tu",       "le",
    "ne",       "on"};

constexpr std::string_view kFrench[] = {
    "le",         "les",      "des",     "du",         "au",        "aux",        "je",
    "tu",         "il",       "nous",    "vous",       "ils",       "elles",      "suis",
    "es",         "sommes",   "êtes",    "sont",       "ai",        "avez",       "avons",
    "ont",        "que",      "qui",     "quoi",       "comment",   "où",         "quand",
    "pourquoi",   "ce",       "cette",   "ces",        "cet",       "avec",       "pour",
    "dans",       "sur",      "sous",    "entre",      "environ",   "moins",      "plus",
    "veux",       "voudrais", "voulez",  "peux",       "pouvez",    "merci",      "bonjour",
    "bonsoir",    "salut",    "oui",     "aussi",      "très",      "mon",        "ma",
    "mes",        "ton",      "ta",      "tes",        "votre",     "vos",        "notre",
    "nos",        "panier",  "commande",   "commandes", "chaussures", "prix",
    "taille",     "couleur",  "rouge",   "rouges",     "noir",      "noire",      "blanc",
    "blanche",    "bleu",     "vert",    "montre",     "montrez",   "cherche",    "aide",
    "conseiller", "i",        "si",      "on",         "annuler",   "livraison",  "remboursement",
    "ans",        "fils",     "fille",   "cadeau",     "téléphone", "deux",       "trois",
    "quatre",     "cinq",     "dix",     "vingt",      "cent",      "mille",      "j",
    "d",          "qu",       "n",       "est",        "pas",       "ne",         "y",
    "en",         "une",      "un",      "acheter",    "ajouter",   "ajoute",     "ajoutez",
    "payer",      "paiement", "quelque", "chose",      "rien",      "tout",       "bien",
    "bon",        "pas",      "cher",    "chère",      "coûte",     "combien",    "quel",
    "quelle",     "quels",    "quelles", "maintenant", "aujourd",   "hui",        "demain",
    "encore",     "déjà",     "et",      "mais",       "ou",        "donc",       "ça",
    "faire",      "voir",     "avoir",   "être",       "besoin",    "s'il",       "plaît",
    "plait",      "ici",      "voici",   "voilà"};

// Word endings typical of one language (and rare in the other two), for
// words in none of the lists: Italian words end in vowels and in -zione,
// -mente, -are/-ere/-ire, imperatives with clitics (-ami, -imi); French in
// -eux, -eau, -oir, -ez, -ique, -aire; English in -ing, -ed, -ly, -ness,
// -ght. Longest first.
constexpr std::pair<std::string_view, int> kSuffixes[] = {
    {"zione", 1}, {"zioni", 1}, {"mente", 1}, {"issimo", 1}, {"issima", 1}, {"ggio", 1},
    {"etto", 1},  {"etta", 1},  {"ando", 1},  {"endo", 1},   {"iamo", 1},   {"ate", 1},
    {"ato", 1},   {"ata", 1},   {"ati", 1},   {"are", 1},    {"ere", 1},    {"ire", 1},
    {"ami", 1},   {"imi", 1},   {"emi", 1},   {"lo", 1},     {"gli", 1},    {"cia", 1},
    {"zza", 1},   {"eaux", 2},  {"eux", 2},   {"euse", 2},   {"eau", 2},    {"oir", 2},
    {"ique", 2},  {"aire", 2},  {"ette", 2},  {"elle", 2},   {"ais", 2},    {"ait", 2},
    {"ez", 2},    {"ons", 2},   {"eur", 2},   {"ness", 0},   {"ship", 0},   {"ing", 0},
    {"ght", 0},   {"ly", 0},    {"ed", 0},    {"ful", 0},    {"wh", 0}};

// Words in two lists count for neither; the table holds the rest.
using WordTable = absl::flat_hash_map<absl::string_view, int>;

const WordTable& Words() {
  static const WordTable* const table = [] {
    auto* t = new WordTable();
    absl::flat_hash_map<absl::string_view, int> mask;
    auto add = [&](const auto& list, int lang) {
      for (std::string_view w : list) mask[absl::string_view(w.data(), w.size())] |= 1 << lang;
    };
    add(kEnglish, 0);
    add(kItalian, 1);
    add(kFrench, 2);
    for (const auto& [w, m] : mask) {
      if (m == 1) (*t)[w] = 0;
      if (m == 2) (*t)[w] = 1;
      if (m == 4) (*t)[w] = 2;
    }
    return t;
  }();
  return *table;
}

// Letters that mark a language: Italian writes final accented vowels grave
// (è, ò, ù, ì, à), French uses é, ê, â, î, ô, û, ç, œ, ë, ï.
int MarkedLanguage(char32_t c) {
  switch (c) {
    case 0xE8:  // è (also French, but far more frequent in Italian chat)
    case 0xEC:  // ì
    case 0xF2:  // ò
    case 0xF9:  // ù (French "où" is in the word list)
      return 1;
    case 0xE9:   // é
    case 0xEA:   // ê
    case 0xE2:   // â
    case 0xEE:   // î
    case 0xF4:   // ô
    case 0xFB:   // û
    case 0xE7:   // ç
    case 0x153:  // œ
    case 0xEB:   // ë
    case 0xEF:   // ï
      return 2;
    default:
      return -1;
  }
}

}  // namespace

void LanguageVocabulary::AddText(Language language, std::string_view text, int weight) {
  for (const Token& t : Tokenize(text)) {
    if (t.kind != TokenKind::kWord || t.text.size() < 3) continue;
    counts_[t.text][static_cast<int>(language)] += weight;
  }
}

void LanguageVocabulary::Finish(int min_count) {
  const WordTable& listed = Words();
  for (const auto& [word, counts] : counts_) {
    int only = -1, languages = 0;
    for (int l = 0; l < kNumLanguages; ++l) {
      if (counts[l] > 0) {
        ++languages;
        only = l;
      }
    }
    if (languages != 1 || counts[only] < min_count) continue;
    if (listed.contains(absl::string_view(word.data(), word.size()))) continue;
    words_[word] = static_cast<Language>(only);
  }
  counts_.clear();
}

std::optional<Language> LanguageVocabulary::Find(std::string_view word) const {
  if (words_.empty()) return std::nullopt;
  auto it = words_.find(absl::string_view(word.data(), word.size()));
  if (it == words_.end()) return std::nullopt;
  return it->second;
}

LanguageGuess IdentifyLanguage(const std::vector<Token>& tokens, std::optional<Language> session,
                               const LanguageIdOptions& options) {
  LanguageGuess guess;
  const WordTable& words = Words();
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    if (auto it = words.find(absl::string_view(t.text.data(), t.text.size())); it != words.end()) {
      guess.evidence[it->second] += 1.0;
      continue;
    }
    if (options.vocabulary != nullptr) {
      if (std::optional<Language> own = options.vocabulary->Find(t.text)) {
        guess.evidence[static_cast<int>(*own)] += 1.0;
        continue;
      }
    }
    // An unknown word with marked letters, or a typical ending: half a
    // word of evidence.
    bool marked = false;
    for (size_t pos = 0; pos < t.text.size() && !IsAscii(t.text);) {
      const int lang = MarkedLanguage(DecodeUtf8(t.text, &pos));
      if (lang >= 0) {
        guess.evidence[lang] += 0.5;
        marked = true;
        break;
      }
    }
    if (marked || t.text.size() < 4) continue;
    for (const auto& [suffix, lang] : kSuffixes) {
      if (t.text.size() > suffix.size() + 1 &&
          t.text.compare(t.text.size() - suffix.size(), suffix.size(), suffix) == 0) {
        guess.evidence[lang] += 0.5;
        break;
      }
    }
  }
  const uint8_t allowed = options.allowed == 0 ? 0b111 : options.allowed;
  // The tie's winner: the tie-breaker, else English, else the first allowed.
  int first = -1;
  for (int l : {options.tie_break.has_value() ? static_cast<int>(*options.tie_break) : 0, 0, 1, 2}) {
    if (allowed & (1 << l)) {
      first = l;
      break;
    }
  }
  int best = first;
  for (int l = 0; l < kNumLanguages; ++l) {
    if ((allowed & (1 << l)) && guess.evidence[l] > guess.evidence[best]) best = l;
  }
  if (!session.has_value()) {
    guess.language = static_cast<Language>(best);
    return guess;
  }
  const int current = static_cast<int>(*session);
  guess.language = *session;
  if (best != current && guess.evidence[best] >= options.min_evidence &&
      guess.evidence[best] - guess.evidence[current] >= options.min_margin) {
    guess.language = static_cast<Language>(best);
    guess.switched = true;
  }
  return guess;
}

}  // namespace chatcart::text
