import MathML
print(MathML.namespace)
