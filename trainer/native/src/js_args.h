// Reading N-API arguments: typed arrays are borrowed (their memory is used in
// place), numbers converted, and every mismatch becomes a JavaScript TypeError
// instead of undefined behaviour in the kernels.
#pragma once
#include <node_api.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sparring {

// Thrown to turn into a JavaScript error.
struct JsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class JsArgs {
 public:
  JsArgs(napi_env env, napi_callback_info info, size_t expected) : env_(env) {
    argc_ = kMax;
    napi_get_cb_info(env, info, &argc_, argv_, nullptr, nullptr);
    if (argc_ < expected) throw JsError("expected " + std::to_string(expected) + " arguments");
  }

  // A Float32Array with at least `minLength` elements.
  float* f32(size_t i, int64_t minLength) const { return typed<float>(i, napi_float32_array, minLength, "Float32Array"); }
  // A Float32Array as above, or null.
  const float* f32OrNull(size_t i, int64_t minLength) const {
    return isNull(i) ? nullptr : f32(i, minLength);
  }
  uint8_t* u8(size_t i, int64_t minLength) const {
    return typed<uint8_t>(i, napi_uint8_array, minLength, "Uint8Array");
  }
  const int32_t* i32(size_t i, int64_t minLength) const {
    return typed<int32_t>(i, napi_int32_array, minLength, "Int32Array");
  }
  double number(size_t i) const {
    double value;
    if (napi_get_value_double(env_, argv_[i], &value) != napi_ok) throw JsError(where(i) + " must be a number");
    return value;
  }
  int64_t integer(size_t i) const { return static_cast<int64_t>(number(i)); }
  bool flag(size_t i) const {
    bool value;
    if (napi_get_value_bool(env_, argv_[i], &value) != napi_ok) throw JsError(where(i) + " must be a boolean");
    return value;
  }

 private:
  static constexpr size_t kMax = 12;

  bool isNull(size_t i) const {
    napi_valuetype type;
    napi_typeof(env_, argv_[i], &type);
    return type == napi_null || type == napi_undefined;
  }
  std::string where(size_t i) const { return "argument " + std::to_string(i); }

  template <typename T>
  T* typed(size_t i, napi_typedarray_type want, int64_t minLength, const char* name) const {
    bool isTyped = false;
    napi_is_typedarray(env_, argv_[i], &isTyped);
    if (!isTyped) throw JsError(where(i) + " must be a " + name);
    napi_typedarray_type type;
    size_t length;
    void* data;
    napi_get_typedarray_info(env_, argv_[i], &type, &length, &data, nullptr, nullptr);
    if (type != want) throw JsError(where(i) + " must be a " + name);
    if (static_cast<int64_t>(length) < minLength)
      throw JsError(where(i) + " has " + std::to_string(length) + " elements, needs " + std::to_string(minLength));
    return static_cast<T*>(data);
  }

  napi_env env_;
  size_t argc_;
  napi_value argv_[kMax];
};

}  // namespace sparring
