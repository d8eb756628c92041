/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 *
 * embed_c: a C host of chatcart, using only include/chatcart/c.h and
 * libchatcart_c.so. One conversation, one line of shopper text per turn read
 * from stdin, the bot's replies printed to stdout:
 *
 *   $ build/bin/embed_c examples/bundles/demo
 *   you> hi
 *   bot> Hi! I can help you find a product, ...
 *
 * A line "/restart" shows what a server does between messages: it keeps the
 * session as snapshot bytes, drops it, and restores it from the bytes (here
 * on the same engine; any engine of the same bundle would do). The clock is
 * the host's: each turn is 30 seconds after the previous one, from
 * --start=SECONDS (Unix time), so a scripted conversation replays exactly.
 *
 *   embed_c BUNDLE_DIR [--seed=N] [--start=SECONDS]
 *
 * Reading the TurnResult: the engine answers in the protobuf JSON mapping, and
 * this host reads only what it prints (each reply's "text", its product
 * cards' "name" and "priceText", its quick replies' "title") with the small
 * scanner below; a real host would use its
 * language's JSON parser, or ask for CHATCART_FORMAT_PROTO. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chatcart/c.h"

/* ---- A growing byte buffer ----------------------------------------------- */

typedef struct {
  char* data;
  size_t len, cap;
} Buffer;

static void Append(Buffer* b, const char* s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + n + 1) cap *= 2;
    b->data = (char*)realloc(b->data, cap);
    if (b->data == NULL) {
      fputs("embed_c: out of memory\n", stderr);
      exit(1);
    }
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void AppendString(Buffer* b, const char* s) { Append(b, s, strlen(s)); }

/* Appends `s` as a JSON string (RFC 8259 escapes; UTF-8 passes through). */
static void AppendJsonString(Buffer* b, const char* s, size_t n) {
  size_t i;
  Append(b, "\"", 1);
  for (i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      char esc[2];
      esc[0] = '\\';
      esc[1] = (char)c;
      Append(b, esc, 2);
    } else if (c < 0x20) {
      char esc[8];
      snprintf(esc, sizeof esc, "\\u%04x", c);
      Append(b, esc, 6);
    } else {
      Append(b, (const char*)&s[i], 1);
    }
  }
  Append(b, "\"", 1);
}

/* ---- Reading the result JSON --------------------------------------------- */

/* A tiny JSON scanner: enough to walk the engine's (valid) output. */
typedef struct {
  const char* p;
  const char* end;
} Scanner;

static void SkipSpace(Scanner* s) {
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\t' || *s->p == '\r')) ++s->p;
}

/* Reads a string at s->p into `out` (decoded; \uXXXX as UTF-8), or skips it
 * when out is NULL. */
static void ReadString(Scanner* s, Buffer* out) {
  ++s->p; /* the opening quote */
  while (s->p < s->end && *s->p != '"') {
    if (*s->p == '\\' && s->p + 1 < s->end) {
      char c = s->p[1];
      s->p += 2;
      if (c == 'u' && s->p + 4 <= s->end) {
        char hex[5];
        unsigned long cp;
        memcpy(hex, s->p, 4);
        hex[4] = '\0';
        cp = strtoul(hex, NULL, 16);
        s->p += 4;
        if (out != NULL) {
          char utf8[3];
          if (cp < 0x80) {
            utf8[0] = (char)cp;
            Append(out, utf8, 1);
          } else if (cp < 0x800) {
            utf8[0] = (char)(0xc0 | (cp >> 6));
            utf8[1] = (char)(0x80 | (cp & 0x3f));
            Append(out, utf8, 2);
          } else { /* surrogate pairs are not produced for BMP text */
            utf8[0] = (char)(0xe0 | (cp >> 12));
            utf8[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
            utf8[2] = (char)(0x80 | (cp & 0x3f));
            Append(out, utf8, 3);
          }
        }
        continue;
      }
      if (out != NULL) {
        char decoded = c == 'n'   ? '\n'
                       : c == 't' ? '\t'
                       : c == 'r' ? '\r'
                       : c == 'b' ? '\b'
                       : c == 'f' ? '\f'
                                  : c;
        Append(out, &decoded, 1);
      }
      continue;
    }
    if (out != NULL) Append(out, s->p, 1);
    ++s->p;
  }
  ++s->p; /* the closing quote */
}

/* Skips one value of any kind. */
static void SkipValue(Scanner* s) {
  int depth = 0;
  SkipSpace(s);
  if (s->p >= s->end) return;
  if (*s->p == '"') {
    ReadString(s, NULL);
    return;
  }
  if (*s->p != '{' && *s->p != '[') { /* a number, true, false or null */
    while (s->p < s->end && *s->p != ',' && *s->p != '}' && *s->p != ']') ++s->p;
    return;
  }
  do {
    if (*s->p == '"') {
      ReadString(s, NULL);
      continue;
    }
    if (*s->p == '{' || *s->p == '[') {
      ++depth;
    } else if (*s->p == '}' || *s->p == ']') {
      --depth;
    }
    ++s->p;
  } while (s->p < s->end && depth > 0);
}

/* Calls on_key(s, key, ctx) for each key of the object at s->p; on_key
 * consumes the value. */
static void ForEachKey(Scanner* s, void (*on_key)(Scanner*, const char*, void*), void* ctx) {
  Buffer key = {NULL, 0, 0};
  SkipSpace(s);
  if (s->p >= s->end || *s->p != '{') return;
  ++s->p;
  for (;;) {
    SkipSpace(s);
    if (s->p >= s->end || *s->p == '}') break;
    key.len = 0;
    ReadString(s, &key);
    SkipSpace(s);
    ++s->p; /* ':' */
    SkipSpace(s);
    on_key(s, key.data, ctx);
    SkipSpace(s);
    if (s->p < s->end && *s->p == ',') ++s->p;
  }
  ++s->p;
  free(key.data);
}

/* Calls on_item(s, ctx) for each element of the array at s->p. */
static void ForEachItem(Scanner* s, void (*on_item)(Scanner*, void*), void* ctx) {
  SkipSpace(s);
  if (s->p >= s->end || *s->p != '[') return;
  ++s->p;
  for (;;) {
    SkipSpace(s);
    if (s->p >= s->end || *s->p == ']') break;
    on_item(s, ctx);
    SkipSpace(s);
    if (s->p < s->end && *s->p == ',') ++s->p;
  }
  ++s->p;
}

static void PrintField(Scanner* s, const char* key, void* wanted) {
  if (strcmp(key, (const char*)wanted) == 0 && *s->p == '"') {
    Buffer text = {NULL, 0, 0};
    ReadString(s, &text);
    printf("  [%s]\n", text.data ? text.data : "");
    free(text.data);
  } else {
    SkipValue(s);
  }
}

static void PrintQuickReply(Scanner* s, void* ctx) {
  (void)ctx;
  ForEachKey(s, PrintField, (void*)"title");
}

typedef struct {
  Buffer name, price;
} Card;

static void ReadCardKey(Scanner* s, const char* key, void* ctx) {
  Card* card = (Card*)ctx;
  if (strcmp(key, "name") == 0 && *s->p == '"') {
    ReadString(s, &card->name);
  } else if (strcmp(key, "priceText") == 0 && *s->p == '"') {
    ReadString(s, &card->price);
  } else {
    SkipValue(s);
  }
}

static void PrintProduct(Scanner* s, void* ctx) {
  Card card = {{NULL, 0, 0}, {NULL, 0, 0}};
  (void)ctx;
  ForEachKey(s, ReadCardKey, &card);
  printf("  * %s, %s\n", card.name.data ? card.name.data : "",
         card.price.data ? card.price.data : "no price");
  free(card.name.data);
  free(card.price.data);
}

static void PrintReplyKey(Scanner* s, const char* key, void* ctx) {
  (void)ctx;
  if (strcmp(key, "text") == 0 && *s->p == '"') {
    Buffer text = {NULL, 0, 0};
    ReadString(s, &text);
    printf("bot> %s\n", text.data ? text.data : "");
    free(text.data);
  } else if (strcmp(key, "quickReplies") == 0) {
    ForEachItem(s, PrintQuickReply, NULL);
  } else if (strcmp(key, "products") == 0) {
    ForEachItem(s, PrintProduct, NULL);
  } else {
    SkipValue(s);
  }
}

static void PrintReply(Scanner* s, void* ctx) { ForEachKey(s, PrintReplyKey, ctx); }

static void PrintResultKey(Scanner* s, const char* key, void* ctx) {
  if (strcmp(key, "replies") == 0) {
    ForEachItem(s, PrintReply, ctx);
  } else {
    SkipValue(s);
  }
}

/* ---- The chat loop -------------------------------------------------------- */

/* RFC 3339 UTC time of Unix `seconds`, as the JSON mapping of a Timestamp. */
static void FormatTime(int64_t seconds, char out[32]) {
  time_t t = (time_t)seconds;
  struct tm* utc = gmtime(&t);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", utc);
}

/* Snapshot, destroy, restore: what a server does between two messages. */
static int Restart(const chatcart_engine_t* engine, chatcart_session_t** session, char** err) {
  char* bytes = NULL;
  size_t len = 0;
  chatcart_session_t* restored = NULL;
  if (chatcart_session_snapshot(*session, &bytes, &len, err) != CHATCART_OK) return 0;
  chatcart_session_destroy(*session);
  *session = NULL;
  if (chatcart_session_restore(engine, bytes, len, &restored, err) != CHATCART_OK) {
    chatcart_free(bytes);
    return 0;
  }
  printf("(session kept as %lu snapshot bytes and restored)\n", (unsigned long)len);
  chatcart_free(bytes);
  *session = restored;
  return 1;
}

int main(int argc, char** argv) {
  const char* bundle_dir = NULL;
  uint64_t seed = 42;
  int64_t clock = 1795428000; /* 2026-11-23T10:00:00Z */
  chatcart_engine_t* engine = NULL;
  chatcart_session_t* session = NULL;
  char* err = NULL;
  char line[4096];
  int i, status = 0;
  Buffer input = {NULL, 0, 0};

  for (i = 1; i < argc; ++i) {
    if (strncmp(argv[i], "--seed=", 7) == 0) {
      seed = strtoull(argv[i] + 7, NULL, 10);
    } else if (strncmp(argv[i], "--start=", 8) == 0) {
      clock = strtoll(argv[i] + 8, NULL, 10);
    } else if (bundle_dir == NULL && argv[i][0] != '-') {
      bundle_dir = argv[i];
    } else {
      bundle_dir = NULL;
      break;
    }
  }
  if (bundle_dir == NULL) {
    fprintf(stderr, "usage: %s BUNDLE_DIR [--seed=N] [--start=SECONDS] < conversation\n", argv[0]);
    return 2;
  }

  printf("chatcart %s, bundle %s\n", chatcart_version_string(), bundle_dir);
  if (chatcart_engine_create_from_path(bundle_dir, NULL, &engine, &err) != CHATCART_OK ||
      chatcart_session_create(engine, "embed-c", 7, seed, &session, &err) != CHATCART_OK) {
    fprintf(stderr, "embed_c: %s\n", err);
    chatcart_free(err);
    chatcart_engine_destroy(engine);
    return 1;
  }
  printf("bundle %s version %s\n", chatcart_engine_bundle_name(engine),
         chatcart_engine_bundle_version(engine));

  while (fgets(line, sizeof line, stdin) != NULL) {
    size_t n = strcspn(line, "\r\n");
    char when[32];
    char* result = NULL;
    size_t result_len = 0;
    chatcart_code code;
    line[n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    printf("you> %s\n", line);
    if (strcmp(line, "/restart") == 0) {
      if (!Restart(engine, &session, &err)) break;
      continue;
    }
    clock += 30;
    FormatTime(clock, when);
    input.len = 0;
    AppendString(&input, "{\"text\": ");
    AppendJsonString(&input, line, n);
    AppendString(&input, ", \"time\": \"");
    AppendString(&input, when);
    AppendString(&input, "\"}");
    code = chatcart_session_handle_turn(session, CHATCART_FORMAT_JSON, input.data, input.len,
                                        &result, &result_len, &err);
    if (code != CHATCART_OK) {
      /* The session is unchanged: the host may log and go on. */
      fprintf(stderr, "embed_c: turn failed: %s: %s\n", chatcart_code_name(code), err);
      status = 1;
      continue;
    }
    {
      Scanner s;
      s.p = result;
      s.end = result + result_len;
      ForEachKey(&s, PrintResultKey, NULL);
    }
    chatcart_free(result);
  }
  if (err != NULL && session == NULL) {
    fprintf(stderr, "embed_c: %s\n", err);
    status = 1;
  }
  chatcart_free(err);
  free(input.data);
  chatcart_session_destroy(session);
  chatcart_engine_destroy(engine);
  return status;
}
