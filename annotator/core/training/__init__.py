"""The project model: trained on a layer, evaluated, and scoring spans."""
