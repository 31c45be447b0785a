;; The flat index's scan (quantized-flat.ts): for each of n rows of int8 codes, its dot product
;; with a query of int16s, as an int32. `stride` is the row length in bytes, a multiple of 16.
;; Compiled to int8-scan.wasm by `npm run build:wasm` (wabt); a test checks the two agree.
;; WebAssembly SIMD (Node 16.4+): 16 dimensions a step, widened to int16 and multiplied pairwise
;; into int32 lanes (i32x4.dot_i16x8_s), two accumulators to keep both multiply units busy.
;; The caller bounds the query's magnitude so no lane and no row sum can overflow.
(module
  (import "env" "memory" (memory 1))
  (func (export "scan") (param $q i32) (param $codes i32) (param $out i32) (param $n i32) (param $stride i32)
    (local $i i32) (local $j i32) (local $row i32) (local $acc v128) (local $acc2 v128) (local $c v128) (local $qj i32)
    (local.set $row (local.get $codes))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $acc2 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $cols
          (local.set $c (v128.load (i32.add (local.get $row) (local.get $j))))
          (local.set $qj (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 1))))
          (local.set $acc (i32x4.add (local.get $acc)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $c)) (v128.load (local.get $qj)))))
          (local.set $acc2 (i32x4.add (local.get $acc2)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $c)) (v128.load offset=16 (local.get $qj)))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $cols (i32.lt_u (local.get $j) (local.get $stride))))
        (local.set $acc (i32x4.add (local.get $acc) (local.get $acc2)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
            (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
        (local.set $row (i32.add (local.get $row) (local.get $stride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
