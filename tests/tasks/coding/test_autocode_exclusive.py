"""The exclusive-theme path end to end on synthetic data whose truth is known."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from qualbridge.tasks.coding.autocode import (
    ThemeModels,
    exclusive_classes,
    featurize,
    load_models,
    predicted_codes,
    save_models,
    train_models,
    with_previous,
)
from qualbridge.tasks.coding.autocode_exclusive import (
    ExclusiveFit,
    calibrated,
    choose_method,
    exclusive_inputs,
    exclusive_prevalence,
    fit_calibration,
    out_of_fold_classes,
    rescale,
)
from qualbridge.tasks.coding.autocode_quantify import EXCLUSIVE_METHODS
from tests.helpers.synthetic_codes import exclusive_units

THEMES = ["question", "reflection", "disclosure"]
TRAIN = {"question": 0.30, "reflection": 0.15, "disclosure": 0.10}
APPLY = {"question": 0.15, "reflection": 0.25, "disclosure": 0.15}


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([[1, 0], [0, 1], [0, 0]], [0, 1, 2]),  # none of the themes: the extra class
        ([[1, 0], [1, 1]], None),  # a unit with two themes: not exclusive
    ],
)
def test_exclusive_classes(labels, expected) -> None:
    out = exclusive_classes(np.array(labels))
    assert (out is None and expected is None) or list(out) == expected


@pytest.mark.parametrize(
    ("scores", "exclusive", "expected"),
    [
        ([[0.4, 0.35]], True, [[1, 0]]),  # the likeliest class wins below 0.5
        ([[0.2, 0.1]], True, [[0, 0]]),  # "no theme" (0.7) wins
        ([[0.4, 0.35]], False, [[0, 0]]),  # binary themes need 0.5 each
        ([[0.6, 0.7]], False, [[1, 1]]),
    ],
)
def test_predicted_codes(scores, exclusive, expected) -> None:
    assert predicted_codes(np.array(scores), exclusive).tolist() == expected


def test_exclusive_model_file_round_trip(tmp_path: Path) -> None:
    weights = sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]]))
    models = ThemeModels(("a", "b"), weights, np.zeros(3), exclusive=True, temperature=1.5)
    loaded = load_models(save_models(models, tmp_path))
    features = sp.csr_matrix(np.array([[1.0, 1.0], [0.0, 3.0]]))
    assert loaded.exclusive and loaded.temperature == 1.5 and loaded.digest == models.digest
    assert np.allclose(loaded.class_scores(features).sum(axis=1), 1.0)
    assert np.allclose(loaded.scores(features), models.scores(features))


@pytest.mark.parametrize("configured", [None, "shrink_macc", "shrink_mpacc"])
def test_exclusive_path_recovers_the_known_truth(configured: str | None) -> None:
    """Corrected shares (the estimator chosen by cross-validation, or a configured one) beat
    raw ones under a large shift, land near the truth and their intervals hold it."""
    train = with_previous(exclusive_units(THEMES, TRAIN, 80, 40, seed=1, study_id="a"))
    apply = with_previous(exclusive_units(THEMES, APPLY, 80, 40, seed=2, study_id="b"))
    labels, groups = train.select(THEMES).to_numpy(), train["transcript_id"].to_numpy()
    features = featurize(train)
    fit = out_of_fold_classes(features, labels, groups, 5, 7)
    errors = choose_method(fit, groups, 7)
    method = configured or min(errors, key=errors.__getitem__)
    models = calibrated(train_models(features, labels, THEMES, 7, exclusive=True), fit)
    trained, applied = exclusive_inputs(
        fit, groups, models, featurize(apply), apply["transcript_id"].to_numpy()
    )
    est = exclusive_prevalence(trained, applied, method, 300, 3, 0.95)
    truth = apply.select(THEMES).mean().to_numpy()[0]
    corrected, raw = np.abs(est["corrected"] - truth), np.abs(est["raw"] - truth)
    assert set(errors) == set(EXCLUSIVE_METHODS) and list(est["method"]) == [method] * 3
    assert corrected.mean() < raw.mean() / 2
    assert corrected.max() < 0.03
    assert ((est["ci_low"] <= truth) & (truth <= est["ci_high"])).all()
    if method.startswith("shrink_"):  # the interval spans the unshrunk estimator's too
        base = exclusive_prevalence(trained, applied, method[7:], 300, 3, 0.95)
        assert (est["ci_low"] <= base["ci_low"]).all() and (est["ci_high"] >= base["ci_high"]).all()


@pytest.mark.parametrize(
    ("temperature", "bias"),
    [
        (1.0, [0.0, 0.0, 0.0]),  # calibrated already: left as it is
        (2.0, [0.0, 0.0, 0.0]),  # overconfident
        (1.0, [1.0, 0.0, -1.0]),  # leaning to the first class
        (0.5, [-0.5, 0.5, 0.0]),
    ],
)
def test_fit_calibration_undoes_a_distortion(temperature, bias) -> None:
    rng = np.random.default_rng(3)
    logits = rng.normal(0.0, 2.0, size=(20000, 3))
    true = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    classes = np.array([rng.choice(3, p=p) for p in true])
    distorted = rescale(true, 1.0 / temperature, np.array(bias))
    t, b = fit_calibration(distorted, classes)
    assert np.abs(rescale(distorted, t, b) - true).max() < 0.05


@pytest.mark.parametrize(("temperature", "bias"), [(1.0, [0.0, 0.0, 0.0]), (1.7, [0.4, -0.2, 0.0])])
def test_calibrated_model_scores_as_its_calibration(temperature, bias) -> None:
    """The bias folded into the intercepts gives the calibrated probabilities exactly."""
    weights = sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 2.0], [0.5, 0.5]]))
    models = ThemeModels(("a", "b"), weights, np.array([0.1, -0.3, 0.0]), exclusive=True)
    fit = ExclusiveFit(np.zeros(1, int), np.zeros((1, 3)), np.zeros(1), temperature, np.array(bias))
    features = sp.csr_matrix(np.array([[1.0, 1.0], [0.0, 3.0], [2.0, 0.0]]))
    expected = rescale(models.class_scores(features), temperature, np.array(bias))
    assert np.allclose(calibrated(models, fit).class_scores(features), expected)
