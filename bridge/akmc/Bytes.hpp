#pragma once
// Minimal binary encoding of search results for the exchange between MPI ranks (same binary on
// every rank, so raw little-endian doubles are exact and portable enough). `transfer_fields`
// lets one list of a struct's fields serve both directions (SearchCodec.cpp).
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include <Eigen/Core>
#include <Eigen/SparseCore>

#include "md/Error.hpp"

namespace glassland::bridge {

class ByteWriter {
public:
  template <class T>
  void put(const T& value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put_vector(const Eigen::VectorXd& v) {
    put<std::int64_t>(v.size());
    bytes_.append(reinterpret_cast<const char*>(v.data()), sizeof(double) * static_cast<std::size_t>(v.size()));
  }
  void put_matrix(const Eigen::MatrixXd& m) {
    put<std::int64_t>(m.rows());
    put<std::int64_t>(m.cols());
    bytes_.append(reinterpret_cast<const char*>(m.data()), sizeof(double) * static_cast<std::size_t>(m.size()));
  }
  void put_ints(const std::vector<int>& v) {
    put<std::int64_t>(static_cast<std::int64_t>(v.size()));
    bytes_.append(reinterpret_cast<const char*>(v.data()), sizeof(int) * v.size());
  }
  void put_string(const std::string& s) {
    put<std::int64_t>(static_cast<std::int64_t>(s.size()));
    bytes_ += s;
  }
  const std::string& bytes() const { return bytes_; }

private:
  std::string bytes_;
};

class ByteReader {
public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    T value;
    take(&value, sizeof value);
    return value;
  }
  Eigen::VectorXd get_vector() {
    Eigen::VectorXd v(get<std::int64_t>());
    take(v.data(), sizeof(double) * static_cast<std::size_t>(v.size()));
    return v;
  }
  Eigen::MatrixXd get_matrix() {
    const auto rows = get<std::int64_t>();
    Eigen::MatrixXd m(rows, get<std::int64_t>());
    take(m.data(), sizeof(double) * static_cast<std::size_t>(m.size()));
    return m;
  }
  std::vector<int> get_ints() {
    std::vector<int> v(static_cast<std::size_t>(get<std::int64_t>()));
    take(v.data(), sizeof(int) * v.size());
    return v;
  }
  std::string get_string() {
    std::string s(static_cast<std::size_t>(get<std::int64_t>()), '\0');
    take(s.data(), s.size());
    return s;
  }
  bool done() const { return offset_ == bytes_.size(); }

private:
  void take(void* out, std::size_t n) {
    if (offset_ + n > bytes_.size()) throw InternalError("truncated message between ranks or threads");
    if (n > 0) std::memcpy(out, bytes_.data() + offset_, n);  // an empty vector's data() may be null (UBSan)
    offset_ += n;
  }
  const std::string& bytes_;
  std::size_t offset_ = 0;
};

// One field in either direction: transfer(writer, value) appends it, transfer(reader, value)
// reads it back into value (same layout).
template <class T>
  requires std::is_arithmetic_v<T>
void transfer(ByteWriter& w, const T& value) {
  w.put(value);
}
inline void transfer(ByteWriter& w, const bool& value) { w.put<char>(value ? 1 : 0); }
inline void transfer(ByteWriter& w, const std::string& value) { w.put_string(value); }
inline void transfer(ByteWriter& w, const Eigen::VectorXd& value) { w.put_vector(value); }
inline void transfer(ByteWriter& w, const Eigen::MatrixXd& value) { w.put_matrix(value); }
inline void transfer(ByteWriter& w, const std::vector<int>& value) { w.put_ints(value); }
/// A sparse matrix as its compressed columns (sizes, column starts, row indices, values).
inline void transfer(ByteWriter& w, const Eigen::SparseMatrix<double>& value) {
  Eigen::SparseMatrix<double> m = value;
  m.makeCompressed();
  w.put<std::int64_t>(m.rows());
  w.put<std::int64_t>(m.cols());
  w.put_ints(std::vector<int>(m.outerIndexPtr(), m.outerIndexPtr() + m.cols() + 1));
  w.put_ints(std::vector<int>(m.innerIndexPtr(), m.innerIndexPtr() + m.nonZeros()));
  w.put_vector(Eigen::Map<const Eigen::VectorXd>(m.valuePtr(), m.nonZeros()));
}

template <class T>
  requires std::is_arithmetic_v<T>
void transfer(ByteReader& r, T& value) {
  value = r.get<T>();
}
inline void transfer(ByteReader& r, bool& value) { value = r.get<char>() != 0; }
inline void transfer(ByteReader& r, std::string& value) { value = r.get_string(); }
inline void transfer(ByteReader& r, Eigen::VectorXd& value) { value = r.get_vector(); }
inline void transfer(ByteReader& r, Eigen::MatrixXd& value) { value = r.get_matrix(); }
inline void transfer(ByteReader& r, std::vector<int>& value) { value = r.get_ints(); }
inline void transfer(ByteReader& r, Eigen::SparseMatrix<double>& value) {
  const auto rows = r.get<std::int64_t>();
  const auto cols = r.get<std::int64_t>();
  const std::vector<int> starts = r.get_ints(), inner = r.get_ints();
  const Eigen::VectorXd values = r.get_vector();
  if (starts.empty() || static_cast<std::int64_t>(starts.size()) != cols + 1 || inner.size() != static_cast<std::size_t>(values.size()) ||
      starts.back() != values.size())
    throw InternalError("malformed sparse matrix between ranks or threads");
  value = Eigen::Map<const Eigen::SparseMatrix<double>>(rows, cols, values.size(), starts.data(), inner.data(),
                                                        values.data());
}

/// Every field in order: with a ByteWriter (const fields) it encodes, with a ByteReader it decodes.
template <class Stream, class... Fields>
void transfer_fields(Stream& stream, Fields&... fields) {
  (transfer(stream, fields), ...);
}

}  // namespace glassland::bridge
