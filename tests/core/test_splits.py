import pytest

from annotator.core.splits import BadSplit, assign_splits, parse_split


def test_every_document_is_in_exactly_one_split_with_the_asked_sizes():
    spec = parse_split("train=0.8,dev=0.1,test=0.1", seed=7)
    docs = [f"doc{i}" for i in range(101)]
    assignment = assign_splits(docs, spec)
    assert set(assignment) == set(docs)
    sizes = {name: list(assignment.values()).count(name) for name in spec.names}
    assert sizes == {"train": 81, "dev": 10, "test": 10}


def test_the_same_seed_gives_the_same_splits_and_another_seed_others():
    docs = [f"doc{i}" for i in range(50)]
    first = assign_splits(docs, parse_split("train=0.5,test=0.5", seed=1))
    assert assign_splits(reversed(docs), parse_split("train=0.5,test=0.5", seed=1)) == first
    assert assign_splits(docs, parse_split("train=0.5,test=0.5", seed=2)) != first


def test_percentages_are_read_as_shares():
    assert parse_split("train=80,test=20").parts == (("train", 0.8), ("test", 0.2))


@pytest.mark.parametrize(
    "text", ["train=0.8,test=0.1", "train", "train=x", "train=0.5,train=0.5", "a b=1", "t=-1,u=2"]
)
def test_a_split_that_does_not_add_up_or_read_is_refused(text):
    with pytest.raises(BadSplit):
        parse_split(text)
