#!/usr/bin/python3
"""Golden fixtures of the normalisation, dropout, embedding, flatten and activation layers
(golden/layers/layers.*), through the shared writer in layer_goldens.py. Run from the repository root:
    /usr/bin/python3 tests/golden/make_layers_goldens.py

Every case also records str(module) as the arg "repr": the Java side checks that the Nabla module
prints the same.
"""
import torch
import torch.nn as nn

from golden_common import f32
from layer_goldens import Fixture, In

fx = Fixture("layers", seed=1301)
v = fx.values


def case(name, kind, args, build, inputs, **kw):
    fx.case(name, kind, dict(args, repr=str(build())), build, inputs, **kw)


def norm_state(c, batches=0, running=True):
    """A BatchNorm state away from the initial one: weight, bias and running statistics."""
    state = {"weight": v((c,), "positive"), "bias": v((c,))}
    if running:
        state.update(running_mean=v((c,)), running_var=v((c,), "positive"),
                     num_batches_tracked=torch.tensor(batches))
    return state


def batch_norm(dim, features, eps=1e-5, momentum=0.1, affine=True, track=True):
    cls = nn.BatchNorm1d if dim == 1 else nn.BatchNorm2d
    args = {"features": features, "eps": eps, "momentum": momentum, "affine": affine, "track": track}
    return cls.__name__, args, lambda: cls(features, eps, momentum, affine, track)


def batch_norms():
    # train: batch statistics, running statistics updated (unbiased variance), count + 1
    case("bn1d_train", *batch_norm(1, 3), [In(v((4, 3)))], state=norm_state(3, 5))
    case("bn1d_train_3d", *batch_norm(1, 3), [In(v((2, 3, 5)))])
    case("bn1d_train_batch1_length4", *batch_norm(1, 3), [In(v((1, 3, 4)))], state=norm_state(3))
    case("bn1d_eps_momentum", *batch_norm(1, 4, eps=1e-3, momentum=0.3), [In(v((6, 4)))], state=norm_state(4))
    # momentum None: the cumulative average, here with factor 1 / (3 + 1)
    case("bn1d_cumulative", *batch_norm(1, 3, momentum=None), [In(v((5, 3)))], state=norm_state(3, 3))
    case("bn1d_no_affine", *batch_norm(1, 3, affine=False), [In(v((4, 3, 2)))])
    # eval: the running statistics; batch 1 is legal
    case("bn1d_eval", *batch_norm(1, 3), [In(v((4, 3)))], mode="eval", state=norm_state(3, 7))
    case("bn1d_eval_batch1", *batch_norm(1, 3), [In(v((1, 3)))], mode="eval", state=norm_state(3, 2))
    # without running statistics, eval mode normalises with the batch's too
    case("bn1d_untracked_eval", *batch_norm(1, 2, track=False), [In(v((3, 2, 4)))], mode="eval",
         state=norm_state(2, running=False))
    case("bn2d_train", *batch_norm(2, 3), [In(v((2, 3, 4, 5)))], state=norm_state(3, 1))
    case("bn2d_train_batch1", *batch_norm(2, 2), [In(v((1, 2, 3, 3)))], state=norm_state(2))
    case("bn2d_cumulative_first_batch", *batch_norm(2, 3, momentum=None), [In(v((2, 3, 2, 3)))])
    case("bn2d_eval", *batch_norm(2, 3), [In(v((2, 3, 5, 4)))], mode="eval", state=norm_state(3, 4))
    case("bn2d_no_affine_untracked", *batch_norm(2, 3, affine=False, track=False), [In(v((2, 3, 3, 2)))])


def layer_norms():
    def layer_norm(shape, eps=1e-5, affine=True):
        return "LayerNorm", {"shape": shape, "eps": eps, "affine": affine}, \
            lambda: nn.LayerNorm(shape, eps, affine)

    def affine_state(shape):
        return {"weight": v(shape, "positive"), "bias": v(shape)}

    case("ln_last_axis", *layer_norm([5]), [In(v((2, 3, 5)))], state=affine_state((5,)))
    case("ln_two_axes", *layer_norm([3, 4]), [In(v((2, 3, 4)))], state=affine_state((3, 4)))
    case("ln_eval_same_as_train", *layer_norm([4]), [In(v((3, 4)))], mode="eval", state=affine_state((4,)))
    case("ln_no_affine_eps", *layer_norm([6], eps=1e-3, affine=False), [In(v((4, 6)))])
    case("ln_rank1_input", *layer_norm([4]), [In(v((4,)))])


def dropouts():
    # the kept elements are random, so only the deterministic settings can match torch
    case("dropout_eval", "Dropout", {"p": 0.5}, lambda: nn.Dropout(0.5), [In(v((3, 4)))], mode="eval")
    case("dropout_p0_train", "Dropout", {"p": 0.0}, lambda: nn.Dropout(0.0), [In(v((3, 4)))])
    case("dropout_p1_train", "Dropout", {"p": 1.0}, lambda: nn.Dropout(1.0), [In(v((2, 5)))])


def embeddings():
    def ids(values):
        return In(torch.tensor(values, dtype=torch.float64), index=True)

    case("embedding", "Embedding", {"num": 6, "dim": 3, "padding": None}, lambda: nn.Embedding(6, 3),
         [ids([[1, 4, 4, 0], [5, 1, 2, 4]])])
    case("embedding_1d", "Embedding", {"num": 4, "dim": 5, "padding": None}, lambda: nn.Embedding(4, 5),
         [ids([3, 0, 3])])
    # the padding row's output passes its values but no gradient, which central differences
    # cannot agree with: no gradcheck
    case("embedding_padding", "Embedding", {"num": 5, "dim": 2, "padding": 2},
         lambda: nn.Embedding(5, 2, padding_idx=2), [ids([[2, 0], [2, 4], [1, 2]])], gradcheck=False)
    case("embedding_negative_padding", "Embedding", {"num": 5, "dim": 3, "padding": -1},
         lambda: nn.Embedding(5, 3, padding_idx=-1), [ids([4, 3, 4, 0])], gradcheck=False)


def flattens():
    case("flatten_default", "Flatten", {"start": 1, "end": -1}, lambda: nn.Flatten(), [In(v((2, 3, 4, 5)))])
    case("flatten_all", "Flatten", {"start": 0, "end": -1}, lambda: nn.Flatten(0, -1), [In(v((3, 2, 2)))])
    case("flatten_middle", "Flatten", {"start": 1, "end": 2}, lambda: nn.Flatten(1, 2), [In(v((2, 3, 4, 5)))])


def activations():
    away = "away"  # |x| >= 0.2, away from the kinks at 0
    case("relu", "ReLU", {}, lambda: nn.ReLU(), [In(v((3, 4), away))])
    case("leaky_relu_default", "LeakyReLU", {"slope": 0.01}, lambda: nn.LeakyReLU(), [In(v((3, 4), away))])
    case("leaky_relu_0_2", "LeakyReLU", {"slope": 0.2}, lambda: nn.LeakyReLU(0.2), [In(v((2, 3, 4), away))])
    case("elu_default", "ELU", {"alpha": 1.0}, lambda: nn.ELU(), [In(v((3, 4), away))])
    # large positive inputs: exp must not overflow into the gradient
    case("elu_alpha_0_5_wide", "ELU", {"alpha": 0.5}, lambda: nn.ELU(0.5),
         [In(f32(v((4, 5), ("avoid", [0.0])) * 40))])
    case("gelu_exact", "GELU", {"approximate": "none"}, lambda: nn.GELU(), [In(v((3, 4)))])
    case("gelu_exact_wide", "GELU", {"approximate": "none"}, lambda: nn.GELU(),
         [In(v((4, 5), ("uniform", -7.0, 7.0)))])  # erf on both of its pieces and saturated
    case("gelu_tanh", "GELU", {"approximate": "tanh"}, lambda: nn.GELU(approximate="tanh"), [In(v((2, 3, 4)))])
    case("silu", "SiLU", {}, lambda: nn.SiLU(), [In(v((3, 4)))])
    case("sigmoid", "Sigmoid", {}, lambda: nn.Sigmoid(), [In(v((3, 4)))])
    case("tanh", "Tanh", {}, lambda: nn.Tanh(), [In(v((3, 4)))])
    case("softmax_dim1", "Softmax", {"dim": 1}, lambda: nn.Softmax(dim=1), [In(v((2, 3, 4)))])
    case("softmax_last", "Softmax", {"dim": -1}, lambda: nn.Softmax(dim=-1), [In(v((3, 5)))])
    case("log_softmax_dim0", "LogSoftmax", {"dim": 0}, lambda: nn.LogSoftmax(dim=0), [In(v((3, 5)))])
    case("log_softmax_last_batch1", "LogSoftmax", {"dim": -1}, lambda: nn.LogSoftmax(dim=-1), [In(v((1, 6)))])


def activations_at_special_values():
    """NaN, infinities and signed zeros through the activations (no gradcheck at non-finite points);
    after the other groups, so that their random values stay as they were. The NaNs sit at flat
    positions 0, 9 and 15, among the first 16 elements, which torch's vectorised kernels take: there
    ELU's gradient at NaN is NaN, while its scalar loop (the last 5 elements here) would give 1."""
    nan, inf = float("nan"), float("inf")
    x = torch.tensor([[nan, -inf, -1.5, -0.0, 0.0, 0.75, inf], [inf, 0.75, nan, -1.5, -inf, -0.0, 2.5],
                      [-0.0, nan, inf, 0.25, -inf, 0.0, -3.0]], dtype=torch.float64)
    for name, kind, args, build in [
            ("relu", "ReLU", {}, lambda: nn.ReLU()),
            ("leaky_relu_0_2", "LeakyReLU", {"slope": 0.2}, lambda: nn.LeakyReLU(0.2)),
            ("elu_alpha_0_5", "ELU", {"alpha": 0.5}, lambda: nn.ELU(0.5)),
            ("gelu_exact", "GELU", {"approximate": "none"}, lambda: nn.GELU()),
            ("gelu_tanh", "GELU", {"approximate": "tanh"}, lambda: nn.GELU(approximate="tanh")),
            ("silu", "SiLU", {}, lambda: nn.SiLU()),
            ("sigmoid", "Sigmoid", {}, lambda: nn.Sigmoid()),
            ("tanh", "Tanh", {}, lambda: nn.Tanh())]:
        case(name + "_nan_inf", kind, args, build, [In(x)], gradcheck=False)


for group in [batch_norms, layer_norms, dropouts, embeddings, flattens, activations, activations_at_special_values]:
    group()
fx.write()
