// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/line_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "simdjson.h"

namespace chatcart::catalog {

size_t LineReader::padding() { return simdjson::SIMDJSON_PADDING; }

absl::StatusOr<std::unique_ptr<LineReader>> LineReader::OpenFile(std::string_view path,
                                                                 size_t chunk_size) {
  std::unique_ptr<LineReader> r(new LineReader());
  r->name_ = std::string(path);
  r->file_ = std::fopen(r->name_.c_str(), "rb");
  if (r->file_ == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", r->name_, ": ", std::strerror(errno)));
  }
  struct stat st;
  if (fstat(fileno(r->file_), &st) == 0 && st.st_size > 0)
    r->file_size_ = static_cast<size_t>(st.st_size);
  r->capacity_ = chunk_size;
  r->buffer_.reset(new char[r->capacity_ + padding()]);
  std::memset(r->buffer_.get() + r->capacity_, 0, padding());
  return r;
}

std::unique_ptr<LineReader> LineReader::FromText(std::string_view text, std::string_view name) {
  std::unique_ptr<LineReader> r(new LineReader());
  r->name_ = std::string(name);
  r->capacity_ = text.size();
  r->buffer_.reset(new char[r->capacity_ + padding()]);
  std::memcpy(r->buffer_.get(), text.data(), text.size());
  std::memset(r->buffer_.get() + r->capacity_, 0, padding());
  r->end_ = text.size();
  r->eof_ = true;
  return r;
}

LineReader::~LineReader() {
  if (file_ != nullptr) std::fclose(file_);
}

bool LineReader::Fill() {
  if (eof_ || file_ == nullptr) return false;
  // Keep the unread tail at the front, then grow when it fills the buffer.
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {
    size_t bigger = capacity_ * 2;
    std::unique_ptr<char[]> grown(new char[bigger + padding()]);
    std::memcpy(grown.get(), buffer_.get(), end_);
    std::memset(grown.get() + bigger, 0, padding());
    buffer_ = std::move(grown);
    capacity_ = bigger;
  }
  size_t n = std::fread(buffer_.get() + end_, 1, capacity_ - end_, file_);
  if (estimated_lines_ == 0 && n > 0 && file_size_ > 0) {
    const size_t newlines =
        static_cast<size_t>(std::count(buffer_.get() + end_, buffer_.get() + end_ + n, '\n'));
    estimated_lines_ =
        newlines == 0 ? 1
                      : static_cast<size_t>(static_cast<double>(file_size_) *
                                            static_cast<double>(newlines) / static_cast<double>(n));
  }
  end_ += n;
  if (n == 0) {
    if (std::ferror(file_)) {
      status_ = absl::DataLossError(absl::StrCat("error reading ", name_, " after line ",
                                                 line_number_, ": ", std::strerror(errno)));
    }
    eof_ = true;
    return false;
  }
  return true;
}

bool LineReader::TooLong(size_t bytes) {
  if (bytes <= max_line_bytes_) return false;
  status_ = absl::ResourceExhaustedError(absl::StrCat(
      name_.empty() ? "" : absl::StrCat(name_, ":"), line_number_ + 1,
      ": line longer than the limit of ", max_line_bytes_, " bytes (kMaxCatalogLineBytes)"));
  return true;
}

bool LineReader::Next(std::string_view* line, int64_t* line_number) {
  if (!status_.ok()) return false;
  while (true) {
    const char* start = buffer_.get() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      begin_ += len + 1;
      if (len > 0 && start[len - 1] == '\r') --len;
      if (TooLong(len)) return false;
      *line = std::string_view(start, len);
      *line_number = ++line_number_;
      return true;
    }
    // No line break in what is held: a line already over the limit stops
    // here rather than growing the buffer without end. The +1 allows a
    // pending '\r' of a line exactly at the limit.
    if (TooLong(end_ - begin_ > 0 ? end_ - begin_ - 1 : 0)) return false;
    if (!Fill()) {
      if (!status_.ok() || begin_ == end_) return false;
      // The last line has no '\n'.
      size_t len = end_ - begin_;
      const char* s = buffer_.get() + begin_;
      begin_ = end_;
      if (len > 0 && s[len - 1] == '\r') --len;
      if (TooLong(len)) return false;
      *line = std::string_view(s, len);
      *line_number = ++line_number_;
      return true;
    }
  }
}

}  // namespace chatcart::catalog
