#!/usr/bin/python3
"""Golden fixtures of Conv2d, MaxPool2d, AvgPool2d and AdaptiveAvgPool2d (golden/layers/conv.*),
through the shared writer in layer_goldens.py: outputs, input gradients and weight and bias
gradients, on odd shapes (batch 1, unbatched, non-square images and kernels, strides that leave
a remainder, ceil mode, groups, dilation, "same" padding of an even kernel). Run from the
repository root:
    /usr/bin/python3 tests/golden/make_conv_goldens.py
"""
import torch
import torch.nn as nn

from golden_common import F64, f32
from layer_goldens import Fixture, In

fx = Fixture("conv", seed=617)
v = fx.values


def distinct(shape):
    """A shuffled ladder of values 0.01 apart: no two elements tie, so every window has one maximum
    and central differences (step 1e-6) never cross a tie."""
    n = torch.Size(shape).numel()
    return f32((torch.randperm(n, generator=v.gen).to(F64) * 0.01 - n * 0.005).reshape(shape))


def pair(x):
    return list(x) if isinstance(x, tuple) else [x, x]


def conv(name, shape, cin, cout, kernel, stride=1, padding=0, dilation=1, groups=1, bias=True):
    args = {"in": cin, "out": cout, "kernel": pair(kernel), "stride": pair(stride), "dilation": pair(dilation),
            "groups": groups, "bias": bias}
    if isinstance(padding, str):
        args["paddingMode"] = padding
    else:
        args["padding"] = pair(padding)
    fx.case(name, "Conv2d", args,
            lambda: nn.Conv2d(cin, cout, kernel, stride, padding, dilation, groups, bias), [In(v(shape))])


def max_pool(name, shape, kernel, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = kernel if stride is None else stride
    args = {"kernel": pair(kernel), "stride": pair(stride), "padding": pair(padding), "dilation": pair(dilation),
            "ceilMode": ceil_mode}
    fx.case(name, "MaxPool2d", args, lambda: nn.MaxPool2d(kernel, stride, padding, dilation, ceil_mode=ceil_mode),
            [In(distinct(shape))])


def avg_pool(name, shape, kernel, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    stride = kernel if stride is None else stride
    args = {"kernel": pair(kernel), "stride": pair(stride), "padding": pair(padding), "ceilMode": ceil_mode,
            "countIncludePad": count_include_pad}
    fx.case(name, "AvgPool2d", args,
            lambda: nn.AvgPool2d(kernel, stride, padding, ceil_mode=ceil_mode, count_include_pad=count_include_pad),
            [In(v(shape))])


def adaptive(name, shape, output):
    fx.case(name, "AdaptiveAvgPool2d", {"output": pair(output)}, lambda: nn.AdaptiveAvgPool2d(output),
            [In(v(shape))])


conv("conv_3x3", (2, 3, 7, 9), 3, 4, 3)
conv("conv_lenet_batch1_pad2", (1, 1, 12, 10), 1, 6, 5, padding=2)
conv("conv_stride_remainder", (2, 2, 8, 10), 2, 3, (3, 2), stride=(2, 3), padding=(1, 0))
conv("conv_dilated_groups_no_bias", (2, 4, 9, 7), 4, 6, 3, padding=2, dilation=2, groups=2, bias=False)
conv("conv_depthwise_strided", (3, 4, 7, 6), 4, 8, 3, stride=2, padding=1, groups=4)
conv("conv_same_even_kernel", (1, 2, 6, 5), 2, 3, (4, 2), padding="same", dilation=(1, 2))
conv("conv_valid", (2, 2, 5, 6), 2, 3, 3, padding="valid")
conv("conv_unbatched", (3, 5, 6), 3, 2, 3, padding=1)
conv("conv_1x1", (2, 5, 4, 3), 5, 2, 1)

max_pool("maxpool_2", (2, 3, 8, 6), 2)
max_pool("maxpool_odd_floor", (1, 1, 7, 5), 2)
max_pool("maxpool_3_s2_p1_ceil", (1, 2, 9, 8), 3, stride=2, padding=1, ceil_mode=True)
max_pool("maxpool_dilated_rect", (2, 2, 9, 7), (3, 2), stride=(2, 1), padding=(1, 1), dilation=(2, 1))
max_pool("maxpool_unbatched_ceil", (3, 5, 5), 2, ceil_mode=True)

avg_pool("avgpool_2", (2, 3, 8, 6), 2)
avg_pool("avgpool_3_s2_p1_ceil_include_pad", (1, 2, 8, 7), 3, stride=2, padding=1, ceil_mode=True)
avg_pool("avgpool_3_s2_p1_ceil_exclude_pad", (1, 2, 8, 7), 3, stride=2, padding=1, ceil_mode=True,
         count_include_pad=False)
avg_pool("avgpool_rect_overlapping", (2, 1, 5, 7), (3, 2), stride=(1, 2), padding=(1, 0))
avg_pool("avgpool_unbatched", (3, 6, 5), 2, stride=1)

adaptive("adaptive_divisible", (2, 3, 8, 9), (2, 3))
adaptive("adaptive_global", (2, 4, 5, 7), 1)
adaptive("adaptive_uneven", (1, 2, 7, 10), (3, 4))
adaptive("adaptive_enlarge", (2, 1, 3, 2), (5, 3))
adaptive("adaptive_unbatched", (3, 5, 7), (2, 3))


def max_pool_special():
    """NaN and infinities through overlapping, padded windows: a NaN is the maximum and takes the
    gradient. No window holds two NaNs: torch's max_pool2d gives the gradient to the last NaN of a
    window, its argmax to the first; Nabla's pooling follows argmax."""
    nan, inf = float("nan"), float("inf")
    x = distinct((1, 2, 6, 6))
    x[0, 0, 0, 0] = nan
    x[0, 0, 4, 4] = nan
    x[0, 0, 2, 3] = inf
    x[0, 1, 0, 5] = nan
    x[0, 1, 1:4, 1:4] = -inf  # one window of only -inf, inside the input
    x[0, 1, 5, 0] = inf
    fx.case("maxpool_nan_inf", "MaxPool2d", {"kernel": pair(3), "stride": pair(2), "padding": pair(1),
                                             "dilation": pair(1), "ceilMode": False},
            lambda: nn.MaxPool2d(3, 2, 1), [In(x)], gradcheck=False)
    # windows of only -inf that start in the padding: the gradient goes to each window's first
    # element inside the input, as torch's index does, never to the padding
    x = distinct((1, 2, 5, 5))
    x[0, 0] = -inf
    x[0, 1, :3, :3] = -inf
    fx.case("maxpool_neginf_padded", "MaxPool2d", {"kernel": pair(2), "stride": pair(2), "padding": pair(1),
                                                   "dilation": pair(1), "ceilMode": False},
            lambda: nn.MaxPool2d(2, 2, 1), [In(x)], gradcheck=False)


max_pool_special()
fx.write()
