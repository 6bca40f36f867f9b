#!/usr/bin/python3
"""Golden fixtures of the linear models of dev.nabla.optim.linear (golden/linear_models.json):
scikit-learn's LinearRegression, Ridge(alpha) and Lasso(alpha) fitted to the diabetes data, for
several alphas, on the features as load_diabetes() gives them (scaled: each column centred, with
unit Euclidean norm) and on the raw features. Run from the repository root with Debian's
python3-sklearn:
    /usr/bin/python3 tests/golden/make_linear_model_goldens.py

The data are read from the copy bundled in the data module (data/src/main/resources/dev/nabla/data,
see diabetes-NOTICE.md there), checked against scikit-learn's own loader. Lasso is run with a
tolerance far below scikit-learn's default (1e-4 on the duality gap leaves coefficients off by up
to ~3 on this data), so the fixture holds the minimiser of the objective itself; its optimality
conditions are checked here before it is written.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LinearRegression, Ridge

DATA = "data/src/main/resources/dev/nabla/data/"
OUT = "tests/src/test/resources/golden/linear_models.json"

raw = np.loadtxt(DATA + "diabetes_data_raw.csv.gz")
y = np.loadtxt(DATA + "diabetes_target.csv.gz")
assert np.array_equal(raw, load_diabetes(scaled=False).data) and np.array_equal(y, load_diabetes().target)
centred = raw - raw.mean(axis=0)
scaled = centred / centred.std(axis=0) / np.sqrt(len(raw))  # what load_diabetes() does
assert np.allclose(scaled, load_diabetes().data, rtol=0, atol=1e-15)


def lasso_optimal(X, w, alpha):
    """The subgradient conditions of (1/2n)||yc - Xc w||^2 + alpha ||w||_1 at w, to 1e-9 of alpha."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    grad = Xc.T @ (yc - Xc @ w) / len(X)  # must be alpha * sign(w_j) where w_j != 0, within alpha elsewhere
    active = w != 0
    ok_active = np.all(np.abs(grad[active] - alpha * np.sign(w[active])) <= 1e-9 * alpha)
    ok_zero = np.all(np.abs(grad[~active]) <= alpha * (1 + 1e-9))
    return ok_active and ok_zero


cases = []


def add(data, name, model, X, alpha=None):
    model.fit(X, y)
    case = {"data": data, "model": name}
    if alpha is not None:
        case["alpha"] = alpha
    case["coef"] = model.coef_.tolist()
    case["intercept"] = float(model.intercept_)
    cases.append(case)


for data, X, ridge_alphas, lasso_alphas in [
    ("scaled", scaled, [0.0, 0.01, 0.1, 1.0, 10.0], [0.01, 0.1, 0.5, 1.0, 5.0]),
    ("raw", raw, [0.0, 1.0, 100.0, 10000.0], [0.01, 0.1, 1.0, 10.0]),
]:
    add(data, "LinearRegression", LinearRegression(), X)
    for a in ridge_alphas:
        add(data, "Ridge", Ridge(alpha=a, solver="cholesky"), X, a)
    for a in lasso_alphas:
        model = Lasso(alpha=a, tol=1e-15, max_iter=10**7)
        add(data, "Lasso", model, X, a)
        assert lasso_optimal(X, model.coef_, a), (data, a)

lines = ",\n".join("  " + json.dumps(c, separators=(",", ":")) for c in cases)
with open(OUT, "w") as f:
    f.write('{"sklearn": "%s",\n "cases": [\n%s\n]}\n' % (sklearn.__version__, lines))
print(len(cases), "cases")
