{
  "targets": [
    {
      "target_name": "sparring_native",
      "sources": [
        "src/addon.cc",
        "src/adam.cc",
        "src/conv.cc",
        "src/conv_input_grad.cc",
        "src/conv_pooled_grad.cc",
        "src/elementwise.cc",
        "src/gemm.cc",
        "src/matmul.cc",
        "src/pool.cc",
        "src/winograd.cc"
      ],
      "include_dirs": ["/usr/include"],
      "libraries": ["-ldnnl", "-fopenmp"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": [
        "-std=c++17",
        "-O3",
        "-march=native",
        "-fopenmp",
        "-ffp-contract=off",
        "-fno-math-errno",
        "-fno-trapping-math",
        "-Wall",
        "-Wextra",
        "-Wno-unused-parameter"
      ]
    }
  ]
}
