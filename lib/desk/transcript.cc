// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Transcripts as plain text and as an HTML e-mail: the chat only (private
// notes never reach a transcript), every message already redacted on
// arrival, times in UTC, labels in the conversation's language.

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "chatcart/desk.h"
#include "common/locale.h"
#include "desk/desk_rep.h"

namespace chatcart {
namespace {

struct Labels {
  const char* shopper;
  const char* bot;
  const char* agent;
  const char* title;
  const char* reference;
};

Labels LabelsFor(std::string_view language) {
  if (LocaleSpeaks(language, "it")) return {"Tu", "Assistente", "Operatore", "La tua chat", "riferimento"};
  if (LocaleSpeaks(language, "fr")) return {"Vous", "Assistant", "Conseiller", "Votre conversation", "référence"};
  return {"You", "Assistant", "Agent", "Your chat", "reference"};
}

std::string Author(const v1::DeskMessage& m, const Labels& labels) {
  switch (m.author()) {
    case v1::DeskMessage::SHOPPER:
      return labels.shopper;
    case v1::DeskMessage::BOT:
      return labels.bot;
    case v1::DeskMessage::AGENT:
      return m.agent_name().empty() ? labels.agent : m.agent_name();
    default:
      return "";
  }
}

std::string Clock(int64_t unix_ms) {
  return absl::FormatTime("%H:%M", absl::FromUnixMillis(unix_ms), absl::UTCTimeZone());
}

void AppendEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      case '\n':
        out->append("<br>");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string Heading(const v1::DeskTranscript& t, const Labels& labels) {
  const v1::DeskConversation& c = t.conversation();
  std::string heading = labels.title;
  if (c.reference() > 0) absl::StrAppend(&heading, " (", labels.reference, " #", c.reference(), ")");
  if (!t.messages().empty()) {
    absl::StrAppend(&heading, ", ",
                    absl::FormatTime("%Y-%m-%d", absl::FromUnixMillis(t.messages(0).unix_ms()),
                                     absl::UTCTimeZone()),
                    " UTC");
  }
  return heading;
}

}  // namespace

std::string RenderTranscriptText(const v1::DeskTranscript& transcript) {
  const Labels labels = LabelsFor(transcript.conversation().language());
  std::string out = Heading(transcript, labels);
  out.push_back('\n');
  for (const v1::DeskMessage& m : transcript.messages()) {
    if (m.note()) continue;
    absl::StrAppend(&out, "[", Clock(m.unix_ms()), "] ");
    if (m.author() == v1::DeskMessage::DESK) {
      absl::StrAppend(&out, "(", m.text(), ")\n");
    } else {
      absl::StrAppend(&out, Author(m, labels), ": ", m.text(), "\n");
    }
  }
  return out;
}

v1::DeskTranscriptEmail RenderTranscriptEmail(const v1::DeskTranscript& transcript,
                                              std::string_view store_name,
                                              const TranscriptEmailOptions& options) {
  const v1::DeskConversation& c = transcript.conversation();
  const Labels labels = LabelsFor(c.language());
  v1::DeskTranscriptEmail email;
  // The e-mail is a protobuf message: every string in it well-formed UTF-8,
  // whatever the options and a host-built transcript hold (#22).
  std::string subject = desk_internal::CleanText(
      options.subject.empty() ? desk_internal::TranscriptSubject(c.language(), store_name)
                              : options.subject);
  if (c.reference() > 0) subject = absl::StrCat("[#", c.reference(), "] ", subject);
  email.set_subject(subject);
  auto header = [&](std::string name, std::string value) {
    v1::DeskEmailHeader* h = email.add_headers();
    h->set_name(std::move(name));
    h->set_value(std::move(value));
  };
  header("Subject", subject);
  header("Auto-Submitted", "auto-generated");
  if (!options.reply_to.empty()) header("Reply-To", desk_internal::CleanText(options.reply_to));
  email.set_text(desk_internal::CleanText(RenderTranscriptText(transcript)));

  std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>";
  AppendEscaped(subject, &html);
  html += "</title></head>\n<body style=\"font-family:sans-serif;max-width:40em\">\n<h1 "
          "style=\"font-size:1.2em\">";
  AppendEscaped(Heading(transcript, labels), &html);
  html += "</h1>\n";
  for (const v1::DeskMessage& m : transcript.messages()) {
    if (m.note()) continue;
    absl::StrAppend(&html, "<p><small>", Clock(m.unix_ms()), "</small> ");
    if (m.author() == v1::DeskMessage::DESK) {
      html += "<em>";
      AppendEscaped(m.text(), &html);
      html += "</em></p>\n";
    } else {
      html += "<strong>";
      AppendEscaped(Author(m, labels), &html);
      html += ":</strong> ";
      AppendEscaped(m.text(), &html);
      html += "</p>\n";
    }
  }
  html += "</body></html>\n";
  email.set_html(desk_internal::CleanText(html));
  return email;
}

}  // namespace chatcart
