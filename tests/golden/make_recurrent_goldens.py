#!/usr/bin/python3
"""Golden fixtures of RNN (tanh, relu), LSTM and GRU (golden/layers/recurrent.*), through the shared
writer in layer_goldens.py. Run from the repository root:
    /usr/bin/python3 tests/golden/make_recurrent_goldens.py

A recurrent layer returns a tuple, so every case compares one tensor: the flattened output, h_n
and (LSTM) c_n, concatenated in that order; Java's RecurrentGoldenTest builds the same. Inputs are
the sequence, then h0 (and c0) when the case gives them. Dropout cases run in eval mode or with
p = 0, since torch's and Nabla's generators draw different masks.
"""
import torch
import torch.nn as nn

from layer_goldens import Fixture, In

fx = Fixture("recurrent", seed=613)
v = fx.values
TYPES = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}


def flattened(module, xs):
    """torch.cat of the flattened output, h_n and (LSTM) c_n, run from the given initial state."""
    x, *state = xs
    hx = None if not state else tuple(state) if isinstance(module, nn.LSTM) else state[0]
    out, final = module(x, hx)
    parts = [out, *(final if isinstance(final, tuple) else (final,))]
    return torch.cat([p.reshape(-1) for p in parts])


def case(name, kind, x_shape, state_shape=None, mode="train", nonlinearity=None, **options):
    """One case of torch.nn.<kind>(**options) on an input of x_shape, from h0 (and c0) of state_shape
    when given, else from zeros."""
    args = {"inputSize": options["input_size"], "hiddenSize": options["hidden_size"],
            "numLayers": options.get("num_layers", 1), "bias": options.get("bias", True),
            "batchFirst": options.get("batch_first", False), "dropout": options.get("dropout", 0.0),
            "bidirectional": options.get("bidirectional", False)}
    if nonlinearity is not None:
        args["nonlinearity"] = options["nonlinearity"] = nonlinearity
    inputs = [In(v(x_shape))]
    if state_shape is not None:
        inputs += [In(v(state_shape)) for _ in range(2 if kind == "LSTM" else 1)]
    fx.case(name, kind, args, lambda: TYPES[kind](**options), inputs, mode=mode, forward=flattened)


case("rnn_tanh", "RNN", (5, 2, 3), nonlinearity="tanh", input_size=3, hidden_size=4)
case("rnn_relu_two_layers", "RNN", (5, 2, 3), nonlinearity="relu", input_size=3, hidden_size=4, num_layers=2)
case("rnn_bidirectional_batch_first_h0", "RNN", (2, 5, 3), (2, 2, 4), nonlinearity="tanh", input_size=3,
     hidden_size=4, bidirectional=True, batch_first=True)
case("rnn_no_bias_unbatched", "RNN", (6, 3), nonlinearity="tanh", input_size=3, hidden_size=4, bias=False)
case("rnn_relu_dropout_eval", "RNN", (4, 3, 2), mode="eval", nonlinearity="relu", input_size=2, hidden_size=5,
     num_layers=3, dropout=0.5)

case("lstm", "LSTM", (6, 2, 3), input_size=3, hidden_size=4)
case("lstm_two_layers_bidirectional_h0_c0", "LSTM", (4, 2, 3), (4, 2, 3), input_size=3, hidden_size=3,
     num_layers=2, bidirectional=True)
case("lstm_batch_first_batch1", "LSTM", (1, 7, 4), input_size=4, hidden_size=5, batch_first=True)
case("lstm_unbatched_h0_c0", "LSTM", (5, 3), (1, 4), input_size=3, hidden_size=4)
case("lstm_dropout_eval", "LSTM", (4, 2, 3), mode="eval", input_size=3, hidden_size=4, num_layers=3, dropout=0.5)
case("lstm_dropout_zero_train", "LSTM", (4, 2, 3), input_size=3, hidden_size=4, num_layers=2, dropout=0.0)
case("lstm_no_bias_batch_first_bidirectional_h0_c0", "LSTM", (3, 4, 2), (2, 3, 3), input_size=2, hidden_size=3,
     bias=False, batch_first=True, bidirectional=True)
case("lstm_long_sequence", "LSTM", (40, 2, 3), input_size=3, hidden_size=6)

case("gru", "GRU", (6, 2, 3), input_size=3, hidden_size=4)
case("gru_two_layers_bidirectional_batch_first_h0", "GRU", (2, 5, 3), (4, 2, 4), input_size=3, hidden_size=4,
     num_layers=2, bidirectional=True, batch_first=True)
case("gru_no_bias_unbatched_h0", "GRU", (5, 3), (1, 4), input_size=3, hidden_size=4, bias=False)
case("gru_batch1_h0", "GRU", (7, 1, 2), (1, 1, 5), input_size=2, hidden_size=5)
case("gru_dropout_eval_bidirectional", "GRU", (4, 2, 3), mode="eval", input_size=3, hidden_size=4, num_layers=2,
     dropout=0.3, bidirectional=True)
case("gru_long_sequence", "GRU", (40, 2, 3), input_size=3, hidden_size=6)
fx.write()
