// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// LineReader: the lines of a JSON Lines file or text, read in chunks into a
// buffer padded for simdjson, so a line can be parsed in place without a
// copy and a large file never sits in memory whole. Not thread-safe (one
// reader per load).

#ifndef CHATCART_CATALOG_LINE_READER_H_
#define CHATCART_CATALOG_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/limits.h"

namespace chatcart::catalog {

class LineReader {
 public:
  // Reads `path`; NOT_FOUND when it cannot be opened.
  static absl::StatusOr<std::unique_ptr<LineReader>> OpenFile(std::string_view path,
                                                              size_t chunk_size = 4 << 20);
  // Reads `text` (copied once into a padded buffer); `name` stands for the
  // file in errors.
  static std::unique_ptr<LineReader> FromText(std::string_view text, std::string_view name = "");

  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Stores the next line (without its '\n' or "\r\n") and its 1-based number,
  // and returns true; false at the end, on a read error or at a line longer
  // than max_line_bytes (see status(): RESOURCE_EXHAUSTED naming the line,
  // found before more than about max_line_bytes of it are held). The
  // line stays valid, and at least `padding()` bytes after it stay readable,
  // until the next call.
  bool Next(std::string_view* line, int64_t* line_number);

  // OK, or the read error that ended the lines early.
  const absl::Status& status() const { return status_; }

  static size_t padding();

  // The longest line accepted. Default: kMaxCatalogLineBytes (chatcart/limits.h).
  void set_max_line_bytes(size_t n) { max_line_bytes_ = n; }

  // An estimate of the number of lines, from the file's size and the lines
  // of the first chunk read; 0 when unknown (text, or nothing read yet).
  size_t EstimatedLines() const { return estimated_lines_; }

 private:
  LineReader() = default;
  bool Fill();  // reads more; false at EOF or error

  std::FILE* file_ = nullptr;
  std::string name_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;  // usable bytes, padding() more are allocated
  size_t begin_ = 0;     // first unread byte
  size_t end_ = 0;       // one past the last valid byte
  bool eof_ = false;
  int64_t line_number_ = 0;
  size_t file_size_ = 0;
  size_t estimated_lines_ = 0;
  size_t max_line_bytes_ = kMaxCatalogLineBytes;
  absl::Status status_;

  bool TooLong(size_t bytes);  // sets status_ when `bytes` is over the limit
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_LINE_READER_H_
