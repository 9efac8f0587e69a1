extension NotebookRuntime {
    /// A compare cell's runs side by side.
    static let compareSource = #"""
def compare(runs, data, keep_best=False):
    """Trains each run (label, starting network, train's settings) on `data`, as a compare cell
    does: a run that diverges ends there without failing the others. Prints each run's final
    numbers beside the chapter's; returns the network of the run with the lowest final
    validation loss (training loss without validation samples) when `keep_best`, else None."""
    best = None
    for label, network, options, chapter in runs:
        try:
            run = train(network, data, **options)
            history = run["history"]
            outcome = f"stopped early (best epoch {run['best_epoch']})" if run["stopped_early"] else "finished"
        except Diverged as error:
            history, outcome, run = error.history, f"diverged in epoch {error.epoch}", None
        numbers = {"epochs": len(history), "outcome": outcome}
        if history:
            last = history[-1]
            numbers["final training loss"] = last["loss"]
            if "validation_loss" in last:
                numbers["final validation loss"] = last["validation_loss"]
            if not regression(data):
                numbers["training accuracy"] = last["accuracy"]
                if "validation_accuracy" in last:
                    numbers["validation accuracy"] = last["validation_accuracy"]
        if run is not None and "test" in data:
            loss, accuracy = evaluate(network, *data["test"], options["loss"], options.get("weight_decay", 0.0), options.get("l1", 0.0))
            numbers["test loss"] = loss
            if not regression(data):
                numbers["test accuracy"] = accuracy
        print(label)
        for what, value in numbers.items():
            report(f"  {what}", value, chapter.get(what))
        if run is not None and history:
            score = history[-1].get("validation_loss", history[-1]["loss"])
            if best is None or score < best[0]:
                best = (score, network)
    return best[1] if keep_best and best is not None else None


def regression(data):
    """Whether the targets are real values to predict rather than classes."""
    return data.get("regression", False)
"""#
}
