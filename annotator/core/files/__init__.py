"""Files read and written safely: inputs, atomic outputs, where an output may go."""
